import groovy.xml.XmlSlurper

// Surefire 3.5.4 ran the module's tests on the module path; fast-ci's default must give the same outcomes, and
// useModulePath=false the class path (where the tests expect the unnamed module). Any test failing fails the build.
File target = new File(basedir, 'target')
String log = new File(basedir, 'build.log').text

def parse = { File f ->
    def slurper = new XmlSlurper()
    slurper.setFeature('http://apache.org/xml/features/disallow-doctype-decl', false)
    slurper.parse(f)
}
def reports = { String dir ->
    (new File(target, dir).listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.sort { it.name }
}
def outcomes = { String dir ->
    reports(dir).collectEntries { f ->
        def suite = parse(f)
        [(f.name): [counts: ['tests', 'failures', 'errors', 'skipped'].collect { suite."@$it".text() as int },
                    testcases: suite.testcase.collect { it.@name.text() + (it.children().size() > 0 ? ' !' : '') }.sort()]]
    }
}

def surefire = outcomes('surefire-reports')
assert surefire.keySet() == ['TEST-com.acme.greeter.GreeterTest.xml', 'TEST-com.acme.greeter.more.MoreTest.xml'] as Set
assert surefire['TEST-com.acme.greeter.GreeterTest.xml'].counts == [5, 0, 0, 0]
assert outcomes('fast-ci-reports') == surefire
assert outcomes('class-path-reports') == surefire

// Surefire's module options reached the fork: its system properties say which module path it had.
def moduleProperty = { String dir, String name ->
    // Empty when the fork had no module path.
    parse(reports(dir)[0]).properties.property.find { it.@name == name }.@value.text()
}
assert moduleProperty('surefire-reports', 'jdk.module.path').endsWith('classes')
assert moduleProperty('fast-ci-reports', 'jdk.module.path') == moduleProperty('surefire-reports', 'jdk.module.path')
assert moduleProperty('class-path-reports', 'jdk.module.path') == ''

// fast-ci:integration-test: the packaged jar is the module.
def integration = parse(new File(target, 'failsafe-reports/TEST-com.acme.greeter.GreeterIT.xml'))
assert ['tests', 'failures', 'errors', 'skipped'].collect { integration."@$it".text() as int } == [1, 0, 0, 0]
assert integration.properties.property.find { it.@name == 'jdk.module.path' }.@value.text()
        .endsWith('module-path-1.0.jar')

assert !log.contains('useModulePath')
assert log.contains('BUILD SUCCESS')
