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
         }]
    }.sort { a, b -> a.classname <=> b.classname ?: a.name <=> b.name }
}
// The counts a suite's testcases imply. Surefire's own attributes undercount @Nested classes (it writes tests="0"
// on the outer suite while listing the nested testcases); there its testcases are the reference.
def implied = { suite ->
    def tcs = suite.testcase
    [tests: tcs.size(),
     failures: tcs.count { it.failure.size() > 0 },
     errors: tcs.count { it.error.size() > 0 },
     skipped: tcs.count { it.skipped.size() > 0 }]
}
def counts = { suite -> ['tests', 'failures', 'errors', 'skipped'].collectEntries { [it, suite."@$it".text() as int] } }
def outputs = { suite, String element ->
    (suite."$element"*.text() + suite.testcase."$element"*.text()).join('').readLines().findAll { it }.sort()
}

reportFiles(surefireDir).findAll { it.endsWith('.xml') }.each { name ->
    def expected = parse(new File(surefireDir, name))
    def actual = parse(new File(fastCiDir, name))
    assert actual.@name.text() == expected.@name.text()
    def reference = counts(expected) == implied(expected) ? counts(expected) : implied(expected)
    assert counts(actual) == reference : "${name}: counts differ"
    assert implied(actual) == counts(actual) : "${name}: attributes disagree with the testcases"
    assert testcases(actual) == testcases(expected) : "${name}: testcases differ"
    ['system-out', 'system-err'].each { element ->
        assert outputs(actual, element) == outputs(expected, element) : "${name}: ${element} differs"
    }
    assert !actual.properties.property.isEmpty()
    // The fork's properties, not Maven's: each runner's forks were given their own value.
    assert expected.properties.property.find { it.@name == 'compare.runner' }.@value.text() == 'surefire'
    assert actual.properties.property.find { it.@name == 'compare.runner' }.@value.text() == 'fast-ci'
}

// The text reports: the same header and class line, the same failed tests' heading lines.
def textShape = { File f ->
    f.readLines().findAll { !(it =~ /^\s+at |^\s+\.\.\. \d+ more|^Caused by|^\s*$/) }
            .collect { it.replaceAll(/Time elapsed: [0-9.]+ s/, 'Time elapsed: T s') }
            .findAll { it.startsWith('Tests run:') || it.startsWith('Test set:') || it.contains(' -- Time elapsed') }
}
reportFiles(surefireDir).findAll { it.endsWith('.txt') }.each { name ->
    def expected = textShape(new File(surefireDir, name))
    def actual = textShape(new File(fastCiDir, name))
    // Surefire's @Nested undercount again: its text report says 0 tests and lists no failure; only the header agrees.
    if (expected.any { it.startsWith('Tests run: 0,') } && !actual.any { it.startsWith('Tests run: 0,') }) {
        expected = expected.findAll { it.startsWith('Test set:') }
        actual = actual.findAll { it.startsWith('Test set:') }
    }
    assert actual == expected : "${name} differs"
}

// The console: each runner's part of the log, from its goal's heading to the next one.
int surefireStart = log.indexOf('--- surefire:3.5.4:test')
int fastCiStart = log.indexOf('--- fast-ci:')
assert surefireStart >= 0 && fastCiStart > surefireStart
String surefireLog = log.substring(surefireStart, fastCiStart)
String fastCiLog = log.substring(fastCiStart)
def running = { String part -> (part =~ /(?m)^\[INFO\] Running (\S+)$/).collect { it[1] }.findAll { !it.contains('$') }.sort() }
// Surefire also announces each @Nested class and names a @DisplayName class by it; fast-ci names each class once.
assert running(fastCiLog).size() == reportFiles(surefireDir).count { it.endsWith('.xml') }
def totals = { String part -> (part.substring(part.indexOf('Results:')) =~ /(?m)^\[(\w+)\] (Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+.*)$/)[0] }
assert totals(fastCiLog)[1] == totals(surefireLog)[1] : 'the summary is logged at another level'
assert totals(fastCiLog)[2] == totals(surefireLog)[2] : 'the summary counts differ'
