import groovy.xml.XmlSlurper
import java.util.regex.Pattern

// TestNG tests run through the JUnit Platform's TestNG engine: results and reports as Surefire's.
String log = new File(basedir, 'build.log').text
File reports = new File(basedir, 'target/surefire-reports')
assert log.contains('BUILD FAILURE')

def passing = new XmlSlurper().parse(new File(reports, 'TEST-com.example.ng.PassingTest.xml'))
assert passing.@tests.text() as int == 2
assert passing.@failures.text() as int == 0
assert passing.testcase*.@name*.text() as Set == ['adds', 'concatenates'] as Set
assert passing.testcase.every { it.@classname.text() == 'com.example.ng.PassingTest' }

def failing = new XmlSlurper().parse(new File(reports, 'TEST-com.example.ng.FailingTest.xml'))
assert failing.@failures.text() as int == 1
assert failing.@errors.text() as int == 0
def failed = failing.testcase.find { it.@name.text() == 'failsOnPurpose' }
assert failed.failure.size() == 1
assert failed.failure.@message.text().contains('arithmetic')
assert failed.failure.@type.text() == 'java.lang.AssertionError'
assert failing.testcase.find { it.@name.text() == 'passes' }.failure.size() == 0

assert new File(reports, 'com.example.ng.FailingTest.txt').text.contains('failsOnPurpose')
assert log =~ /Tests run: \d+, Failures: 1, Errors: 0, Skipped: \d+, Time elapsed: [0-9.]+ s <<< FAILURE! -- in com\.example\.ng\.FailingTest/
assert log =~ /\[ERROR\]\s+FailingTest\.failsOnPurpose/ || log.contains('FailingTest.failsOnPurpose')
// Not redirected (Surefire's default): what a test prints shows on the console, before its class line.
int printed = log.indexOf('PassingTest.adds prints this line')
assert printed >= 0
assert printed < log.indexOf('-- in com.example.ng.PassingTest')
// In the testcase of the test that printed it, as Surefire writes it.
assert passing.testcase.find { it.@name.text() == 'adds' }.'system-out'.text().contains('PassingTest.adds prints this line')
assert passing.testcase.find { it.@name.text() == 'concatenates' }.'system-out'.size() == 0
assert !new File(reports, 'com.example.ng.PassingTest-output.txt').exists()

int results = log.indexOf('Results:')
assert results >= 0
println "testng: summary ${log.substring(results).readLines().find { it.contains('Tests run:') }}"
