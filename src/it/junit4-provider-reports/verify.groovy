import groovy.xml.XmlSlurper

// The same JUnit 4 tests ran under Surefire 3.5.4's JUnit 4 provider and fast-ci:test (through the Vintage engine):
// their reports must agree in everything but times, timestamps, host names and stack-trace details.
File target = new File(basedir, 'target')
File surefireDir = new File(target, 'surefire-reports')
File fastCiDir = new File(target, 'fast-ci-reports')
String log = new File(basedir, 'build.log').text

// Surefire chose its JUnit 4 provider, the case this project is about.
assert log.contains('Using auto detected provider org.apache.maven.surefire.junit4.JUnit4Provider')

def reportFiles = { File dir ->
    (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml|.*\.txt/ }*.name.sort()
}
assert !reportFiles(surefireDir).isEmpty() : 'Surefire wrote no reports'
// One report per class run: none for a suite's members or an Enclosed class's inner classes.
assert reportFiles(fastCiDir) == reportFiles(surefireDir)
assert reportFiles(surefireDir).findAll { it.endsWith('.xml') } == [
        'TEST-com.example.suites.AllLegacyTest.xml', 'TEST-com.example.suites.EnclosingTest.xml',
        'TEST-com.example.suites.MembersTest.xml', 'TEST-com.example.suites.NamedSquaresTest.xml',
        'TEST-com.example.suites.NestedSuitesTest.xml', 'TEST-com.example.suites.SquaresTest.xml']

def parse = { File f ->
    def slurper = new XmlSlurper()
    slurper.setFeature('http://apache.org/xml/features/disallow-doctype-decl', false)
    slurper.parse(f)
}
def kinds = ['failure', 'error', 'skipped']
def testcases = { suite ->
    suite.testcase.collect { tc ->
        [name: tc.@name.text(), classname: tc.@classname.text(),
         children: tc.children().findAll { it.name() in kinds }.collect {
             [it.name(), it.@type.text(), it.@message.text(), !it.text().trim().isEmpty()]
         },
         out: tc.'system-out'*.text().join(''), err: tc.'system-err'*.text().join('')]
    }.sort { a, b -> a.classname <=> b.classname ?: a.name <=> b.name }
}
def counts = { suite -> ['tests', 'failures', 'errors', 'skipped'].collectEntries { [it, suite."@$it".text() as int] } }

reportFiles(surefireDir).findAll { it.endsWith('.xml') }.each { name ->
    def expected = parse(new File(surefireDir, name))
    def actual = parse(new File(fastCiDir, name))
    assert actual.@name.text() == expected.@name.text()
    assert counts(actual) == counts(expected) : "${name}: counts differ"
    assert testcases(actual) == testcases(expected) : "${name}: testcases differ"
}
// What the JUnit 4 provider counts: all that the class ran, each test under its own class.
def members = parse(new File(surefireDir, 'TEST-com.example.suites.MembersTest.xml'))
assert counts(members) == [tests: 6, failures: 1, errors: 1, skipped: 1]
assert members.testcase*.@classname*.text().toSet() == ['com.example.suites.AlphaChecks', 'com.example.suites.BetaChecks'] as Set
assert counts(parse(new File(surefireDir, 'TEST-com.example.suites.NestedSuitesTest.xml'))) == [tests: 4, failures: 0, errors: 1, skipped: 0]
assert counts(parse(new File(surefireDir, 'TEST-com.example.suites.EnclosingTest.xml'))).tests == 3
assert counts(parse(new File(surefireDir, 'TEST-com.example.suites.AllLegacyTest.xml'))).tests == 3
assert parse(new File(surefireDir, 'TEST-com.example.suites.SquaresTest.xml')).testcase*.@name*.text().contains('squares[2]')

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
assert running(surefireLog).size() == 6
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
assert headings(surefireLog).contains('com.example.suites.AlphaChecks.failsAnAssertion FAILURE')
def problems = { String part ->
    String results = part.substring(part.indexOf('Results:'))
    results.substring(0, results.indexOf('Tests run:')).readLines().findAll { it.startsWith('[ERROR]') }
}
assert problems(fastCiLog) == problems(surefireLog)
def totals = { String part -> (part.substring(part.indexOf('Results:')) =~ /(?m)^\[(\w+)\] (Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+.*)$/)[0] }
assert totals(fastCiLog)[2] == totals(surefireLog)[2] : 'the summary counts differ'
