import groovy.xml.XmlSlurper

// Compares the reports of Surefire and fast-ci:test in two directories, as the comparison ITs do: the same files, and
// in each XML report the suite's name and counts (the flakes attribute too, where there is one) and every testcase's
// name, classname, problems and output, times and traces aside; and the console's parts of the two goals. A verify.groovy
// loads it with evaluate(new File(itDirectory, 'report-comparison.groovy')) and calls what it returns.
def reportFiles = { File dir ->
    (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml|.*\.txt/ }*.name.sort()
}
def parse = { File f ->
    def slurper = new XmlSlurper()
    slurper.setFeature('http://apache.org/xml/features/disallow-doctype-decl', false)
    slurper.parse(f)
}
def kinds = ['failure', 'error', 'skipped', 'flakyFailure', 'flakyError', 'rerunFailure', 'rerunError']
// concurrent: testcases that ran at once on threads of their own (a JUnit 3 ActiveTestSuite's), which of which gets a
// line of output depending on timing under Surefire: their output is compared as their suite's lines together.
def none = { tc -> false }
def testcases = { suite, concurrent = none ->
    suite.testcase.collect { tc ->
        [name: tc.@name.text(), classname: tc.@classname.text(),
         children: tc.children().findAll { it.name() in kinds }.collect {
             // A message is compared as written; the trace text only for being there.
             [it.name(), it.@type.text(), it.@message.text(), !it.text().trim().isEmpty()]
         },
         out: concurrent(tc) ? '' : tc.'system-out'*.text().join(''), err: tc.'system-err'*.text().join('')]
    }.sort { a, b -> a.classname <=> b.classname ?: a.name <=> b.name }
}
def concurrentOutput = { suite, concurrent ->
    suite.testcase.findAll { concurrent(it) }.collectMany { it.'system-out'*.text().join('').readLines() }.sort()
}
// An attribute the suite lacks is null: Surefire writes flakes only from 3.5.5 on.
def counts = { suite ->
    ['tests', 'failures', 'errors', 'skipped', 'flakes'].collectEntries {
        [it, suite.attributes().containsKey(it) ? suite."@$it".text() as int : null]
    }
}
// The text reports' header, class line and failed tests' heading lines.
def textShape = { File f ->
    f.readLines().findAll { !(it =~ /^\s+at |^\s+\.\.\. \d+ more|^Caused by|^\s*$/) }
            .collect { it.replaceAll(/Time elapsed: [0-9.]+ s/, 'Time elapsed: T s') }
            .findAll { it.startsWith('Tests run:') || it.startsWith('Test set:') || it.contains(' -- Time elapsed') }
}
// textAside: text reports whose lines are known to differ, left out of the comparison.
def compare = { File expectedDir, File actualDir, List<String> textAside = [], Closure concurrent = none ->
    assert !reportFiles(expectedDir).isEmpty() : "${expectedDir}: no reports"
    assert reportFiles(actualDir) == reportFiles(expectedDir)
    reportFiles(expectedDir).findAll { it.endsWith('.xml') }.each { name ->
        def expected = parse(new File(expectedDir, name))
        def actual = parse(new File(actualDir, name))
        assert actual.@name.text() == expected.@name.text() : "${name}: the suite's name differs"
        assert counts(actual) == counts(expected) : "${name}: counts differ"
        assert testcases(actual, concurrent) == testcases(expected, concurrent) : "${name}: testcases differ"
        assert concurrentOutput(actual, concurrent) == concurrentOutput(expected, concurrent) :
                "${name}: the concurrent tests' output differs"
    }
    reportFiles(expectedDir).findAll { it.endsWith('.txt') && !(it in textAside) }.each { name ->
        assert textShape(new File(actualDir, name)).sort() == textShape(new File(expectedDir, name)).sort() : "${name} differs"
    }
}
// The console of a build that ran `surefireGoal` and then fast-ci's goal: each one's part of the log, from its goal's
// heading to the next, must have the same "Running" lines (one for each class run), class lines, failed tests'
// headings, summary lists and totals. Returns both parts and what was compared of Surefire's, for a test's own checks.
def compareConsole = { String log, String surefireGoal = '--- surefire:3.5.4:test' ->
    int surefireStart = log.indexOf(surefireGoal)
    int fastCiStart = log.indexOf('--- fast-ci:')
    assert surefireStart >= 0 && fastCiStart > surefireStart
    String surefireLog = log.substring(surefireStart, fastCiStart)
    String fastCiLog = log.substring(fastCiStart)
    def running = { String part -> (part =~ /(?m)^\[INFO\] Running (.+)$/).collect { it[1] }.sort() }
    def classLines = { String part ->
        (part =~ /(?m)^\[(\w+)\] (Tests run: .*) -- in (.+)$/).collect {
            [it[1], it[2].replaceAll(/Time elapsed: [0-9.]+ s/, 'Time elapsed: T s'), it[3]]
        }.sort { it.toString() }
    }
    def headings = { String part ->
        (part =~ /(?m)^\[ERROR\] (\S+) -- Time elapsed: [0-9.]+ s <<< (FAILURE|ERROR)!$/).collect { it[1] + ' ' + it[2] }.sort()
    }
    def problems = { String part ->
        String results = part.substring(part.indexOf('Results:'))
        results.substring(0, results.indexOf('Tests run:')).readLines().findAll { it.startsWith('[ERROR]') }
    }
    def totals = { String part ->
        (part.substring(part.indexOf('Results:')) =~ /(?m)^\[(\w+)\] (Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+.*)$/)[0][2]
    }
    assert running(fastCiLog) == running(surefireLog)
    assert classLines(fastCiLog) == classLines(surefireLog)
    assert headings(fastCiLog) == headings(surefireLog)
    assert problems(fastCiLog) == problems(surefireLog)
    assert totals(fastCiLog) == totals(surefireLog) : 'the summary counts differ'
    [surefire: surefireLog, fastCi: fastCiLog, running: running(surefireLog), headings: headings(surefireLog),
     problems: problems(surefireLog)]
}
[reportFiles: reportFiles, parse: parse, testcases: testcases, counts: counts, textShape: textShape, compare: compare,
 compareConsole: compareConsole, kinds: kinds]
