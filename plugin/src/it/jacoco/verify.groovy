import groovy.xml.XmlSlurper

// Each module's forks ran under JaCoCo's agent (set by prepare-agent through argLine, unset or as @{argLine}):
// target/jacoco.exec holds their data and the report goal sees the class the tests covered.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

['plain': 2, 'late': 3].each { String module, int tests ->
    File target = new File(basedir, "${module}/target")
    File exec = new File(target, 'jacoco.exec')
    assert exec.isFile() : "${module}: no jacoco.exec"
    assert exec.length() > 0 : "${module}: empty jacoco.exec"

    String cls = "com.example.cov${module}.CalculatorTest"
    def suite = new XmlSlurper().parse(new File(target, "surefire-reports/TEST-${cls}.xml"))
    assert suite.@tests.text() as int == tests : module
    assert suite.@failures.text() as int == 0 : module
    assert suite.@errors.text() as int == 0 : module

    File xml = new File(target, 'site/jacoco/jacoco.xml')
    assert xml.isFile() : "${module}: no JaCoCo report"
    def slurper = new XmlSlurper()
    slurper.setFeature('http://apache.org/xml/features/nonvalidating/load-external-dtd', false)
    slurper.setFeature('http://apache.org/xml/features/disallow-doctype-decl', false)
    def report = slurper.parse(xml)
    def calculator = report.'**'.find { it.name() == 'class' && it.@name.text() == "com/example/cov${module}/Calculator" }
    assert calculator != null : "${module}: Calculator not in the report"
    def methods = calculator.method.collectEntries { m ->
        [(m.@name.text()): m.counter.find { it.@type.text() == 'INSTRUCTION' }.@covered.text() as int]
    }
    assert methods['add'] > 0 : "${module}: add not covered: ${methods}"
    assert methods['neverCalled'] == 0 : "${module}: ${methods}"
}
true
