import groovy.xml.XmlSlurper

// The same tests ran under Surefire 3.5.4 and fast-ci:test: their reports must agree in everything but times,
// timestamps, host names and stack-trace details.
File target = new File(basedir, 'target')
File surefireDir = new File(target, 'surefire-reports')
File fastCiDir = new File(target, 'fast-ci-reports')
String log = new File(basedir, 'build.log').text

def reportFiles = { File dir ->
    (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml|.*\.txt/ }*.name.sort()
}
assert !reportFiles(surefireDir).isEmpty() : 'Surefire wrote no reports'
assert reportFiles(fastCiDir) == reportFiles(surefireDir)

def parse = { File f ->
    def slurper = new XmlSlurper()
    slurper.setFeature('http://apache.org/xml/features/disallow-doctype-decl', false)
    slurper.parse(f)
}
def kinds = ['failure', 'error', 'skipped', 'flakyFailure', 'flakyError', 'rerunFailure', 'rerunError']
def testcases = { suite ->
    suite.testcase.collect { tc ->
        [name: tc.@name.text(), classname: tc.@classname.text(),
         children: tc.children().findAll { it.name() in kinds }.collect {
             // A message is compared as written; the trace text only for being there.
             [it.name(), it.@type.text(), it.@message.text(), !it.text().trim().isEmpty()]
         },
         // What the test printed, in its own testcase.
         out: tc.'system-out'*.text().join(''), err: tc.'system-err'*.text().join('')]
    }.sort { a, b -> a.classname <=> b.classname ?: a.name <=> b.name }
}
def counts = { suite -> ['tests', 'failures', 'errors', 'skipped'].collectEntries { [it, suite."@$it".text() as int] } }

reportFiles(surefireDir).findAll { it.endsWith('.xml') }.each { name ->
    def expected = parse(new File(surefireDir, name))
    def actual = parse(new File(fastCiDir, name))
    assert actual.@name.text() == expected.@name.text()
    // Surefire counts a @Nested class's tests in no report: the outer suite says tests="0" yet lists them.
    assert counts(actual) == counts(expected) : "${name}: counts differ"
    assert testcases(actual) == testcases(expected) : "${name}: testcases differ"
    ['system-out', 'system-err'].each { element ->
        assert actual."$element"*.text() == expected."$element"*.text() : "${name}: the suite's ${element} differs"
    }
    assert !actual.properties.property.isEmpty()
    // The fork's properties, not Maven's: each runner's forks were given their own value.
    assert expected.properties.property.find { it.@name == 'compare.runner' }.@value.text() == 'surefire'
    assert actual.properties.property.find { it.@name == 'compare.runner' }.@value.text() == 'fast-ci'
}
// The cases above are there: output in testcases, and a nested class's tests left out of the counts.
def outcomes = parse(new File(surefireDir, 'TEST-com.example.compare.OutcomesTest.xml'))
assert outcomes.testcase.find { it.@name == 'failsAnAssertion' }.'system-out'.text().contains('out from the static initializer')
assert parse(new File(surefireDir, 'TEST-com.example.compare.NestingTest.xml')).@tests.text() == '0'

// The text reports: the same header and class line, the same failed tests' heading lines.
def textShape = { File f ->
    f.readLines().findAll { !(it =~ /^\s+at |^\s+\.\.\. \d+ more|^Caused by|^\s*$/) }
            .collect { it.replaceAll(/Time elapsed: [0-9.]+ s/, 'Time elapsed: T s') }
            .findAll { it.startsWith('Tests run:') || it.startsWith('Test set:') || it.contains(' -- Time elapsed') }
}
reportFiles(surefireDir).findAll { it.endsWith('.txt') }.each { name ->
    assert textShape(new File(fastCiDir, name)) == textShape(new File(surefireDir, name)) : "${name} differs"
    // An empty line closes each problem, as Surefire writes it.
    def blanks = { File f -> f.readLines().count { it.isEmpty() } }
    assert blanks(new File(fastCiDir, name)) == blanks(new File(surefireDir, name)) : "${name}: empty lines differ"
}

// The console: each runner's part of the log, from its goal's heading to the next one.
int surefireStart = log.indexOf('--- surefire:3.5.4:test')
int fastCiStart = log.indexOf('--- fast-ci:')
assert surefireStart >= 0 && fastCiStart > surefireStart
String surefireLog = log.substring(surefireStart, fastCiStart)
String fastCiLog = log.substring(fastCiStart)
// "Running" for each class and each @Nested class, by its display name if it has one.
def running = { String part -> (part =~ /(?m)^\[INFO\] Running (.+)$/).collect { it[1] }.sort() }
assert running(fastCiLog) == running(surefireLog)
assert running(surefireLog).contains('com.example.compare.NestingTest$Inner$Deeper')
assert running(surefireLog).contains('A named suite')
// A line for each of them when it ends, with the tests counted since the one before.
def classLines = { String part ->
    (part =~ /(?m)^\[(\w+)\] (Tests run: .*) -- in (.+)$/).collect {
        [it[1], it[2].replaceAll(/Time elapsed: [0-9.]+ s/, 'Time elapsed: T s'), it[3]]
    }.sort { it.toString() }
}
assert classLines(fastCiLog) == classLines(surefireLog)
// Each failed test's heading, a @Nested class's named by its top-level class.
def headings = { String part ->
    (part =~ /(?m)^\[ERROR\] (\S+) -- Time elapsed: [0-9.]+ s <<< (FAILURE|ERROR)!$/).collect { it[1] + ' ' + it[2] }.sort()
}
assert headings(fastCiLog) == headings(surefireLog)
assert headings(surefireLog).contains('com.example.compare.NestingTest.innerFails FAILURE')
// Under each heading the problem's stack trace, as Surefire prints it: its first line is the same.
def traces = { String part ->
    (part =~ /(?m)^\[ERROR\] (\S+) -- Time elapsed: [0-9.]+ s <<< (?:FAILURE|ERROR)!\r?\n(\S[^\r\n]*)$/)
            .collect { it[1] + ' ' + it[2] }.sort()
}
assert traces(fastCiLog) == traces(surefireLog)
assert traces(surefireLog).contains('com.example.compare.OutcomesTest.failsAnAssertion org.opentest4j.AssertionFailedError: sum ==> expected: <2> but was: <3>')
// The summary's lists of failures and errors, line for line.
def problems = { String part ->
    String results = part.substring(part.indexOf('Results:'))
    results.substring(0, results.indexOf('Tests run:')).readLines().findAll { it.startsWith('[ERROR]') }
}
assert problems(fastCiLog) == problems(surefireLog)
def totals = { String part -> (part.substring(part.indexOf('Results:')) =~ /(?m)^\[(\w+)\] (Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+.*)$/)[0] }
assert totals(fastCiLog)[1] == totals(surefireLog)[1] : 'the summary is logged at another level'
assert totals(fastCiLog)[2] == totals(surefireLog)[2] : 'the summary counts differ'
