import groovy.xml.XmlSlurper

// Compares the reports of Surefire and fast-ci:test in two directories, as the comparison ITs do: the same files, and
// in each XML report the suite's name and counts (the flakes attribute too, where there is one) and every testcase's
// name, classname, problems and output, times and traces aside. A verify.groovy loads it with
// evaluate(new File(itDirectory, 'report-comparison.groovy')) and calls what it returns.
def reportFiles = { File dir ->
    (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml|.*\.txt/ }*.name.sort()
}
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
         out: tc.'system-out'*.text().join(''), err: tc.'system-err'*.text().join('')]
    }.sort { a, b -> a.classname <=> b.classname ?: a.name <=> b.name }
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
def compare = { File expectedDir, File actualDir, List<String> textAside = [] ->
    assert !reportFiles(expectedDir).isEmpty() : "${expectedDir}: no reports"
    assert reportFiles(actualDir) == reportFiles(expectedDir)
    reportFiles(expectedDir).findAll { it.endsWith('.xml') }.each { name ->
        def expected = parse(new File(expectedDir, name))
        def actual = parse(new File(actualDir, name))
        assert actual.@name.text() == expected.@name.text() : "${name}: the suite's name differs"
        assert counts(actual) == counts(expected) : "${name}: counts differ"
        assert testcases(actual) == testcases(expected) : "${name}: testcases differ"
    }
    reportFiles(expectedDir).findAll { it.endsWith('.txt') && !(it in textAside) }.each { name ->
        assert textShape(new File(actualDir, name)).sort() == textShape(new File(expectedDir, name)).sort() : "${name} differs"
    }
}
[reportFiles: reportFiles, parse: parse, testcases: testcases, counts: counts, textShape: textShape, compare: compare]
