import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('runs this project\'s JUnit 3 tests with junit:junit 4.13.2')
def money = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-com.example.legacy.MoneyTest.xml'))
assert money.@tests.text() as int == 2
assert money.@failures.text() as int == 0
def ledger = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-com.example.legacy.LedgerTest.xml'))
assert ledger.@tests.text() as int == 1
assert ledger.@failures.text() as int == 1
assert log.contains('Tests run: 3, Failures: 1, Errors: 0, Skipped: 0')
assert log.contains('LedgerTest.testFails')
