import groovy.xml.XmlSlurper

// The same JUnit 3.8 tests ran under Surefire 3.5.4's JUnit 3 provider and fast-ci:test, both with the project's own
// junit 3.8.2: their reports must agree in everything but times, timestamps, host names and the frames below JUnit's.
File target = new File(basedir, 'target')
File surefireDir = new File(target, 'surefire-reports')
File fastCiDir = new File(target, 'fast-ci-reports')
String log = new File(basedir, 'build.log').text

// Surefire chose its JUnit 3 provider, the case this project is about, and fast-ci kept the project's junit jar.
assert log.contains('Using auto detected provider org.apache.maven.surefire.junit.JUnit3Provider')
assert !log.contains('with junit:junit 4.13.2')

def reportFiles = { File dir ->
    (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml|.*\.txt/ }*.name.sort()
}
assert !reportFiles(surefireDir).isEmpty() : 'Surefire wrote no reports'
// One report per class run: none for an abstract class or one that is neither a TestCase nor a POJO test, one with no
// tests for a POJO without test methods.
assert reportFiles(fastCiDir) == reportFiles(surefireDir)
assert reportFiles(surefireDir).findAll { it.endsWith('.xml') } == [
        'TEST-com.example.legacy.AllLegacyTests.xml', 'TEST-com.example.legacy.FailingFixtureTest.xml',
        'TEST-com.example.legacy.LedgerTest.xml',
        'TEST-com.example.legacy.MoneyTest.xml', 'TEST-com.example.legacy.NoTestsTest.xml',
        'TEST-com.example.legacy.NothingToRunTest.xml', 'TEST-com.example.legacy.PlainHelperTest.xml',
        'TEST-com.example.legacy.SavingsAccountTest.xml', 'TEST-com.example.legacy.SetUpFailsTest.xml']

def parse = { File f ->
    def slurper = new XmlSlurper()
    slurper.setFeature('http://apache.org/xml/features/disallow-doctype-decl', false)
    slurper.parse(f)
}
def kinds = ['failure', 'error', 'skipped']
// ThreadedChecks' testOne also runs in an ActiveTestSuite, two at once on threads of their own: which of the two
// testcases Surefire gives their lines to depends on timing (one run gave both lines to one, none to the other), so
// their output is compared as the class's lines together (outputLines), not testcase by testcase.
def concurrent = { tc -> tc.@classname.text() == 'com.example.legacy.ThreadedChecks' && tc.@name.text() == 'testOne' }
def testcases = { suite ->
    suite.testcase.collect { tc ->
        [name: tc.@name.text(), classname: tc.@classname.text(),
         children: tc.children().findAll { it.name() in kinds }.collect {
             [it.name(), it.@type.text(), it.@message.text(), !it.text().trim().isEmpty()]
         },
         out: concurrent(tc) ? '' : tc.'system-out'*.text().join(''), err: tc.'system-err'*.text().join('')]
    }.sort { a, b -> a.classname <=> b.classname ?: a.name <=> b.name ?: a.out <=> b.out }
}
def outputLines = { suite ->
    suite.testcase.findAll { concurrent(it) }.collectMany { it.'system-out'*.text().join('').readLines() }.sort()
}
def counts = { suite -> ['tests', 'failures', 'errors', 'skipped'].collectEntries { [it, suite."@$it".text() as int] } }

reportFiles(surefireDir).findAll { it.endsWith('.xml') }.each { name ->
    def expected = parse(new File(surefireDir, name))
    def actual = parse(new File(fastCiDir, name))
    assert actual.@name.text() == expected.@name.text()
    assert counts(actual) == counts(expected) : "${name}: counts differ"
    assert testcases(actual) == testcases(expected) : "${name}: testcases differ"
    assert outputLines(actual) == outputLines(expected) : "${name}: the concurrent tests' output differs"
}
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
reportFiles(surefireDir).findAll { it.endsWith('.xml') }.each { name ->
    def traces = { suite ->
        suite.testcase.collectMany { tc -> tc.children().findAll { it.name() in kinds }.collect { it.text() } }
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

// The text reports: the same header and class line, the same failed tests' heading lines.
def textShape = { File f ->
    f.readLines().findAll { !(it =~ /^\s+at |^\s+\.\.\. \d+ more|^Caused by|^\s*$/) }
            .collect { it.replaceAll(/Time elapsed: [0-9.]+ s/, 'Time elapsed: T s') }
            .findAll { it.startsWith('Tests run:') || it.startsWith('Test set:') || it.contains(' -- Time elapsed') }
}
reportFiles(surefireDir).findAll { it.endsWith('.txt') }.each { name ->
    assert textShape(new File(fastCiDir, name)).sort() == textShape(new File(surefireDir, name)).sort() : "${name} differs"
}

// The console: each runner's part of the log, from its goal's heading to the next one.
int surefireStart = log.indexOf('--- surefire:3.5.4:test')
int fastCiStart = log.indexOf('--- fast-ci:')
assert surefireStart >= 0 && fastCiStart > surefireStart
String surefireLog = log.substring(surefireStart, fastCiStart)
String fastCiLog = log.substring(fastCiStart)
// "Running" once for each class run, none for its members.
def running = { String part -> (part =~ /(?m)^\[INFO\] Running (.+)$/).collect { it[1] }.sort() }
assert running(fastCiLog) == running(surefireLog)
assert running(surefireLog).size() == 9
def classLines = { String part ->
    (part =~ /(?m)^\[(\w+)\] (Tests run: .*) -- in (.+)$/).collect {
        [it[1], it[2].replaceAll(/Time elapsed: [0-9.]+ s/, 'Time elapsed: T s'), it[3]]
    }.sort { it.toString() }
}
assert classLines(fastCiLog) == classLines(surefireLog)
// Each failed test's heading, a suite member's named by its own class; the summary's lists, line for line.
def headings = { String part ->
    (part =~ /(?m)^\[ERROR\] (\S+) -- Time elapsed: [0-9.]+ s <<< (FAILURE|ERROR)!$/).collect { it[1] + ' ' + it[2] }.sort()
}
assert headings(fastCiLog) == headings(surefireLog)
assert headings(surefireLog).contains('com.example.legacy.ThreadedChecks.testTwo FAILURE')
assert headings(surefireLog).contains('com.example.legacy.PlainHelperTest.com.example.legacy.PlainHelperTest.testPojoFails() FAILURE')
def problems = { String part ->
    String results = part.substring(part.indexOf('Results:'))
    results.substring(0, results.indexOf('Tests run:')).readLines().findAll { it.startsWith('[ERROR]') }
}
assert problems(fastCiLog) == problems(surefireLog)
// The provider's summary lines: class#method, the type unless an AssertionError (JUnit 3.8's AssertionFailedError is not).
assert problems(surefireLog).contains('[ERROR]   com.example.legacy.LedgerTest#testFails AssertionFailedError a JUnit 3 failure is reported as one expected:<2> but was:<3>')
def totals = { String part -> (part.substring(part.indexOf('Results:')) =~ /(?m)^\[(\w+)\] (Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+.*)$/)[0] }
assert totals(fastCiLog)[2] == totals(surefireLog)[2] : 'the summary counts differ'
