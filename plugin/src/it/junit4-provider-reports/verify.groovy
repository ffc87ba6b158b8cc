// The same JUnit 4 tests ran under Surefire 3.5.4's JUnit 4 provider and fast-ci:test (through the Vintage engine):
// their reports must agree in everything but times, timestamps, host names and stack-trace details.
def reports = evaluate(new File(itDirectory, 'report-comparison.groovy'))
File target = new File(basedir, 'target')
File surefireDir = new File(target, 'surefire-reports')
File fastCiDir = new File(target, 'fast-ci-reports')
String log = new File(basedir, 'build.log').text

// Surefire chose its JUnit 4 provider, the case this project is about.
assert log.contains('Using auto detected provider org.apache.maven.surefire.junit4.JUnit4Provider')

// The same report files (one per class run: none for a suite's members or an Enclosed class's inner classes), suites,
// testcases and text reports.
reports.compare(surefireDir, fastCiDir)
assert reports.reportFiles(surefireDir).findAll { it.endsWith('.xml') } == [
        'TEST-com.example.suites.AllLegacyTest.xml', 'TEST-com.example.suites.EnclosingTest.xml',
        'TEST-com.example.suites.MembersTest.xml', 'TEST-com.example.suites.NamedSquaresTest.xml',
        'TEST-com.example.suites.NestedSuitesTest.xml', 'TEST-com.example.suites.SquaresTest.xml']

def parse = reports.parse
def counts = { suite -> reports.counts(suite).subMap(['tests', 'failures', 'errors', 'skipped']) }
// What the JUnit 4 provider counts: all that the class ran, each test under its own class.
def members = parse(new File(surefireDir, 'TEST-com.example.suites.MembersTest.xml'))
assert counts(members) == [tests: 6, failures: 1, errors: 1, skipped: 1]
assert members.testcase*.@classname*.text().toSet() == ['com.example.suites.AlphaChecks', 'com.example.suites.BetaChecks'] as Set
assert counts(parse(new File(surefireDir, 'TEST-com.example.suites.NestedSuitesTest.xml'))) == [tests: 4, failures: 0, errors: 1, skipped: 0]
assert counts(parse(new File(surefireDir, 'TEST-com.example.suites.EnclosingTest.xml'))).tests == 3
assert counts(parse(new File(surefireDir, 'TEST-com.example.suites.AllLegacyTest.xml'))).tests == 3
assert parse(new File(surefireDir, 'TEST-com.example.suites.SquaresTest.xml')).testcase*.@name*.text().contains('squares[2]')

// The console: "Running" once for each class run and none for its members, the class lines, each failed test's
// heading (a suite member's named by its own class), the summary's lists line for line, and its totals.
def console = reports.compareConsole(log)
assert console.running.size() == 6
assert console.headings.contains('com.example.suites.AlphaChecks.failsAnAssertion FAILURE')
