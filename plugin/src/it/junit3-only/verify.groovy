import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
// Run with the project's own junit 3.8.2, as Surefire's JUnit 3 provider runs it: no JUnit 4 swapped in.
assert !log.contains('with junit:junit 4.13.2')
def money = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-com.example.legacy.MoneyTest.xml'))
assert money.@tests.text() as int == 2
assert money.@failures.text() as int == 0
def ledger = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-com.example.legacy.LedgerTest.xml'))
assert ledger.@tests.text() as int == 1
assert ledger.@failures.text() as int == 1
assert log.contains('Tests run: 3, Failures: 1, Errors: 0, Skipped: 0')
assert log.contains('LedgerTest.testFails')
// The summary line as that provider words it: JUnit 3.8's AssertionFailedError is no AssertionError, so it is named.
assert log.contains('com.example.legacy.LedgerTest#testFails AssertionFailedError a JUnit 3 failure is reported as one')
