import groovy.xml.XmlSlurper

// maven.test.failure.ignore: the failure is reported (console and XML) and the build still succeeds.
String log = new File(basedir, 'build.log').text
File reports = new File(basedir, 'target/surefire-reports')

assert log.contains('BUILD SUCCESS')
assert log =~ /Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s <<< FAILURE! -- in com\.example\.weather\.ThermometerTest/
int results = log.indexOf('Results:')
assert results >= 0
assert log.substring(results) =~ /(?m)^\[ERROR\] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0\s*$/
assert log =~ /ThermometerTest\.boilingPointInFahrenheit(:\d+)? boiling point/
// The jar is built: the lifecycle went on past the test phase.
assert new File(basedir, 'target/failure-ignore-1.0.jar').isFile()

def suite = new XmlSlurper().parse(new File(reports, 'TEST-com.example.weather.ThermometerTest.xml'))
assert suite.@tests.text() as int == 2
assert suite.@failures.text() as int == 1
assert suite.@errors.text() as int == 0
def boiling = suite.testcase.find { it.@name.text() == 'boilingPointInFahrenheit' }
assert boiling.failure.size() == 1
assert boiling.failure.@type.text() == 'org.opentest4j.AssertionFailedError'
assert boiling.failure.@message.text().contains('boiling point')
assert boiling.failure.text().contains('ThermometerTest.boilingPointInFahrenheit')
def freezing = suite.testcase.find { it.@name.text() == 'freezingPointInFahrenheit' }
assert freezing.size() == 1
assert freezing.children().findAll { it.name() in ['failure', 'error', 'skipped'] }.isEmpty()
