// The same JUnit 3.8 tests ran under Surefire 3.5.4's JUnit 3 provider and fast-ci:test, both with the project's own
// junit 3.8.2: their reports must agree in everything but times, timestamps, host names and the frames below JUnit's.
def reports = evaluate(new File(itDirectory, 'report-comparison.groovy'))
File target = new File(basedir, 'target')
File surefireDir = new File(target, 'surefire-reports')
File fastCiDir = new File(target, 'fast-ci-reports')
String log = new File(basedir, 'build.log').text

// Surefire chose its JUnit 3 provider, the case this project is about, and fast-ci kept the project's junit jar.
assert log.contains('Using auto detected provider org.apache.maven.surefire.junit.JUnit3Provider')
assert !log.contains('with junit:junit 4.13.2')

// The same report files (one per class run: none for an abstract class or one that is neither a TestCase nor a POJO
// test, one with no tests for a POJO without test methods), suites, testcases and text reports. ThreadedChecks'
// testOne also runs in an ActiveTestSuite, two at once on threads of their own: which testcase Surefire gives each
// one's line depends on timing (a run gave both lines to one, none to the other).
reports.compare(surefireDir, fastCiDir, [], { tc ->
    tc.@classname.text() == 'com.example.legacy.ThreadedChecks' && tc.@name.text() == 'testOne'
})
assert reports.reportFiles(surefireDir).findAll { it.endsWith('.xml') } == [
        'TEST-com.example.legacy.AllLegacyTests.xml', 'TEST-com.example.legacy.FailingFixtureTest.xml',
        'TEST-com.example.legacy.LedgerTest.xml',
        'TEST-com.example.legacy.MoneyTest.xml', 'TEST-com.example.legacy.NoTestsTest.xml',
        'TEST-com.example.legacy.NothingToRunTest.xml', 'TEST-com.example.legacy.PlainHelperTest.xml',
        'TEST-com.example.legacy.SavingsAccountTest.xml', 'TEST-com.example.legacy.SetUpFailsTest.xml']

def parse = reports.parse
def counts = { suite -> reports.counts(suite).subMap(['tests', 'failures', 'errors', 'skipped']) }
// What the JUnit 3 provider reports: a suite()'s tests under their own classes, JUnit 3's warning under TestSuite$1, a
// POJO test by its class and method, each problem of JUnit 3's failure or error by how JUnit 3 reported it.
def all = parse(new File(surefireDir, 'TEST-com.example.legacy.AllLegacyTests.xml'))
assert counts(all) == [tests: 8, failures: 1, errors: 0, skipped: 0]
assert all.testcase*.@classname*.text().toSet() == ['com.example.legacy.MoneyTest', 'com.example.legacy.ThreadedChecks'] as Set
def warning = parse(new File(surefireDir, 'TEST-com.example.legacy.NoTestsTest.xml')).testcase[0]
assert warning.@name.text() == 'warning' && warning.@classname.text() == 'junit.framework.TestSuite$1'
assert parse(new File(surefireDir, 'TEST-com.example.legacy.PlainHelperTest.xml')).testcase*.@name*.text().toSet() ==
        ['com.example.legacy.PlainHelperTest.testPojo()', 'com.example.legacy.PlainHelperTest.testPojoFails()'] as Set
assert counts(parse(new File(surefireDir, 'TEST-com.example.legacy.LedgerTest.xml'))) == [tests: 3, failures: 2, errors: 1, skipped: 0]
assert counts(parse(new File(surefireDir, 'TEST-com.example.legacy.NothingToRunTest.xml'))).tests == 0
// A decorator's failing setUp(): an error no test started, named by what it decorates (no method: an empty name).
def fixture = parse(new File(surefireDir, 'TEST-com.example.legacy.FailingFixtureTest.xml')).testcase[0]
assert fixture.@name.text() == '' && fixture.@classname.text() == 'com.example.legacy.MoneyTest'
// Each problem's trace starts as the provider's does, and holds the test's frame and JUnit's, none of the fork's.
reports.reportFiles(surefireDir).findAll { it.endsWith('.xml') }.each { name ->
    def traces = { suite ->
        suite.testcase.collectMany { tc -> tc.children().findAll { it.name() in reports.kinds }.collect { it.text() } }
    }
    def expected = traces(parse(new File(surefireDir, name)))
    def actual = traces(parse(new File(fastCiDir, name)))
    assert actual*.readLines()*.getAt(0).sort() == expected*.readLines()*.getAt(0).sort() : "${name}: traces differ"
    actual.each { assert !it.contains('ci.fast.maven') : "${name}: a fork's frame in ${it}" }
}
def ledger = parse(new File(fastCiDir, 'TEST-com.example.legacy.LedgerTest.xml'))
String failsTrace = ledger.testcase.find { it.@name.text() == 'testFails' }.failure.text()
assert failsTrace.contains('at com.example.legacy.LedgerTest.testFails(LedgerTest.java:')
assert failsTrace.contains('at junit.framework.TestSuite.run(TestSuite.java:')

// The console: "Running" once for each class run and none for its members, the class lines, each failed test's
// heading (a suite member's named by its own class), the summary's lists line for line, and its totals.
def console = reports.compareConsole(log)
assert console.running.size() == 9
assert console.headings.contains('com.example.legacy.ThreadedChecks.testTwo FAILURE')
assert console.headings.contains('com.example.legacy.PlainHelperTest.com.example.legacy.PlainHelperTest.testPojoFails() FAILURE')
// The provider's summary lines: class#method, the type unless an AssertionError (JUnit 3.8's AssertionFailedError is not).
assert console.problems.contains('[ERROR]   com.example.legacy.LedgerTest#testFails AssertionFailedError a JUnit 3 failure is reported as one expected:<2> but was:<3>')
