import groovy.xml.XmlSlurper

// The test module's tests under Surefire 3.5.4 and fast-ci: the same outcomes, the same module path.
File target = new File(basedir, 'target')
String log = new File(basedir, 'build.log').text

def parse = { File f ->
    def slurper = new XmlSlurper()
    slurper.setFeature('http://apache.org/xml/features/disallow-doctype-decl', false)
    slurper.parse(f)
}
def report = { String dir -> parse(new File(target, "${dir}/TEST-com.acme.calc.test.CalcTest.xml")) }
def counts = { suite -> ['tests', 'failures', 'errors', 'skipped'].collect { suite."@$it".text() as int } }
def modulePath = { suite -> suite.properties.property.find { it.@name == 'jdk.module.path' }.@value.text() }

def surefire = report('surefire-reports')
def fastCi = report('fast-ci-reports')
assert counts(surefire) == [3, 0, 0, 0]
assert counts(fastCi) == counts(surefire)
assert fastCi.testcase*.@name*.text().sort() == surefire.testcase*.@name*.text().sort()
assert modulePath(surefire).contains('test-classes')
assert modulePath(fastCi) == modulePath(surefire)

assert !log.contains('useModulePath')
assert log.contains('BUILD SUCCESS')
