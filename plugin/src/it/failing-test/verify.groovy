import groovy.xml.XmlSlurper
import java.util.regex.Pattern

// One failed assertion and one thrown exception: the build fails naming both, the reports say which is which.
String log = new File(basedir, 'build.log').text
File reports = new File(basedir, 'target/surefire-reports')

assert !log.contains('BUILD SUCCESS')
assert log.contains('BUILD FAILURE')
int failures = log.indexOf('There are test failures.')
assert failures >= 0 : 'the build failed for another reason than the tests'
String message = log.substring(failures)
assert message =~ /AccountTest\.withdrawalsSubtract(:\d+)? balance after withdrawal/
assert message =~ /LedgerTest\.postingToClosedLedgerFails\S* .*IllegalState.* ledger is closed/

assert log =~ /Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s <<< FAILURE! -- in com\.example\.bank\.AccountTest/
assert log =~ /Tests run: 2, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: [0-9.]+ s <<< FAILURE! -- in com\.example\.bank\.LedgerTest/
int results = log.indexOf('Results:')
assert results >= 0
assert log.substring(results) =~ /(?m)^\[ERROR\] Tests run: 5, Failures: 1, Errors: 1, Skipped: 0\s*$/

def account = new XmlSlurper().parse(new File(reports, 'TEST-com.example.bank.AccountTest.xml'))
assert account.@tests.text() as int == 3
assert account.@failures.text() as int == 1
assert account.@errors.text() as int == 0
def withdrawal = account.testcase.find { it.@name.text() == 'withdrawalsSubtract' }
assert withdrawal.failure.size() == 1
assert withdrawal.error.size() == 0
def failure = withdrawal.failure
assert failure.@message.text().contains('balance after withdrawal')
assert failure.@message.text().contains('expected: <70> but was: <85>')
assert failure.@type.text() == 'org.opentest4j.AssertionFailedError'
String trace = failure.text()
assert trace.contains('org.opentest4j.AssertionFailedError: balance after withdrawal')
assert trace =~ /at com\.example\.bank\.AccountTest\.withdrawalsSubtract\(AccountTest\.java:\d+\)/
['depositsAddToBalance', 'startsAtZero'].each { name ->
    def passed = account.testcase.find { it.@name.text() == name }
    assert passed.size() == 1 : "${name} missing from the report"
    assert passed.children().findAll { it.name() in ['failure', 'error', 'skipped'] }.isEmpty()
}

def ledger = new XmlSlurper().parse(new File(reports, 'TEST-com.example.bank.LedgerTest.xml'))
assert ledger.@tests.text() as int == 2
assert ledger.@failures.text() as int == 0
assert ledger.@errors.text() as int == 1
def closed = ledger.testcase.find { it.@name.text() == 'postingToClosedLedgerFails' }
assert closed.failure.size() == 0
def error = closed.error
assert error.size() == 1
assert error.@type.text() == 'java.lang.IllegalStateException'
assert error.@message.text() == 'ledger is closed'
assert error.text().contains('java.lang.IllegalStateException: ledger is closed')
assert error.text() =~ /at com\.example\.bank\.LedgerTest\.post\(LedgerTest\.java:\d+\)/
def balanced = ledger.testcase.find { it.@name.text() == 'emptyLedgerBalances' }
assert balanced.size() == 1
assert balanced.children().findAll { it.name() in ['failure', 'error', 'skipped'] }.isEmpty()

String accountTxt = new File(reports, 'com.example.bank.AccountTest.txt').text
assert accountTxt.contains('Tests run: 3, Failures: 1, Errors: 0, Skipped: 0')
assert accountTxt.contains('withdrawalsSubtract')
