import groovy.xml.XmlSlurper
import java.util.regex.Pattern

// Only junit:junit on the test classpath: the tests run unchanged through the Vintage engine.
String log = new File(basedir, 'build.log').text
File reports = new File(basedir, 'target/surefire-reports')

def expected = [
        'com.example.legacy.StackTest'   : [tests: 3, skipped: 1],
        'com.example.legacy.GreetingTest': [tests: 2, skipped: 0],
]

assert log.contains('BUILD SUCCESS')
def xmlNames = reports.list().findAll { it.startsWith('TEST-') && it.endsWith('.xml') } as Set
assert xmlNames == expected.keySet().collect { "TEST-${it}.xml".toString() } as Set

expected.each { String cls, Map c ->
    def suite = new XmlSlurper().parse(new File(reports, "TEST-${cls}.xml"))
    assert suite.@tests.text() as int == c.tests
    assert suite.@failures.text() as int == 0
    assert suite.@errors.text() as int == 0
    assert suite.@skipped.text() as int == c.skipped
    assert suite.testcase.size() == c.tests
    assert suite.testcase.every { it.@classname.text() == cls }
    assert suite.testcase.findAll { it.skipped.size() > 0 }.size() == c.skipped
    def classLine = ~("Tests run: ${c.tests}, Failures: 0, Errors: 0, Skipped: ${c.skipped}, "
            + "Time elapsed: [0-9.]+ s -- in " + Pattern.quote(cls))
    assert classLine.matcher(log).find() : "no console line for ${cls}"
}

def stack = new XmlSlurper().parse(new File(reports, 'TEST-com.example.legacy.StackTest.xml'))
assert stack.testcase.find { it.@name.text() == 'refusesBeyondCapacity' }.skipped.size() == 1
assert stack.testcase.find { it.@name.text() == 'popsLastPushed' }.size() == 1

int results = log.indexOf('Results:')
assert results >= 0
assert log.substring(results) =~ /(?m)^\[(?:INFO|WARNING)\] Tests run: 5, Failures: 0, Errors: 0, Skipped: 1\s*$/
