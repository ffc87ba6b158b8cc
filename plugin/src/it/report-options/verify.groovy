import groovy.xml.XmlSlurper
import java.time.Instant

// The same tests under Surefire 3.6.0 and fast-ci:test, with the report options set once in Surefire's
// configuration: the reports must agree in everything but times and timestamps' values.
File surefireDir = new File(basedir, 'target/surefire-reports')
File fastCiDir = new File(basedir, 'target/fast-ci-reports')
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// fast-ci took them from Surefire's configuration, and applies each: no notice names them.
assert log =~ /fast-ci takes maven-surefire-plugin's configuration .*reportFormat, reportNameSuffix, enableOutErrElements, enablePropertiesElement, reportTestTimestamp, statelessTestsetReporter/
assert !log.contains('does not apply them as Surefire does')

// reportNameSuffix: TEST-<class>-<suffix>.xml and <class>-<suffix>.txt (<display name>-<suffix>.txt, phrased).
def reportFiles = { File dir -> (dir.listFiles() ?: [])*.name.findAll { it ==~ /TEST-.*\.xml|.*\.txt/ }.sort() }
// statelessTestsetInfoReporter's usePhrasedFileName: a text report for each container, by its display name.
assert reportFiles(surefireDir) == ['A passing suite-suffixed.txt',
                                    'An outer suite-suffixed.txt',
                                    'TEST-com.example.reports.MixedTest-suffixed.xml',
                                    'TEST-com.example.reports.NamesTest-suffixed.xml',
                                    'TEST-com.example.reports.NestedNamedTest-suffixed.xml',
                                    'TEST-com.example.reports.PassingTest-suffixed.xml',
                                    'an inner suite-suffixed.txt',
                                    'com.example.reports.MixedTest-suffixed.txt',
                                    'com.example.reports.NamesTest-suffixed.txt'] : reportFiles(surefireDir)
assert reportFiles(fastCiDir) == reportFiles(surefireDir)

def parse = { File f -> new XmlSlurper().parse(f) }
// Instant.toString of a millisecond instant, as Surefire writes the timestamp attribute.
def stamp = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z/
def testcases = { suite ->
    suite.testcase.collect { tc ->
        [name: tc.@name.text(), classname: tc.@classname.text(),
         children: tc.children()*.name(),
         out: tc.'system-out'*.text().join(''), err: tc.'system-err'*.text().join(''),
         stamped: tc.@timestamp.text() ==~ stamp]
    }
}
reportFiles(surefireDir).findAll { it.endsWith('.xml') }.each { name ->
    def expected = parse(new File(surefireDir, name))
    def actual = parse(new File(fastCiDir, name))
    // The suffix in the suite's name and the testcases' classnames; usePhrasedTestSuiteClassName: a display name.
    assert actual.@name.text() == expected.@name.text()
    assert actual.@version.text() == expected.@version.text()
    // As Surefire 3.6: a @Nested class's tests are counted in the outer suite, and the suite says its flakes.
    ['tests', 'failures', 'errors', 'skipped', 'flakes'].each { assert actual."@$it".text() == expected."@$it".text() : "${name} $it" }
    assert expected.@flakes.text() == '0'
    // enableOutErrElements=false: no output of passed tests; enablePropertiesElement=false: no properties when all passed.
    assert testcases(actual) == testcases(expected) : "${name}: testcases differ"
    assert actual.properties.size() == expected.properties.size() : "${name}: properties element"
    // reportTestTimestamp: the suite too, and each testcase's start follows the one before.
    assert actual.@timestamp.text() ==~ stamp && expected.@timestamp.text() ==~ stamp
    def starts = actual.testcase.collect { Instant.parse(it.@timestamp.text()) }
    assert starts == starts.toSorted() : "${name}: ${starts}"
}
def mixed = parse(new File(surefireDir, 'TEST-com.example.reports.MixedTest-suffixed.xml'))
assert mixed.@name.text() == 'com.example.reports.MixedTest(suffixed)'
assert mixed.testcase.find { it.@name == 'fails' }.'system-out'.text().contains('printed by a failing test')
assert mixed.testcase.find { it.@name == 'passes' }.'system-out'.isEmpty()
// usePhrasedTestCaseMethodName: testcases by their display names where they have one.
def names = parse(new File(surefireDir, 'TEST-com.example.reports.NamesTest-suffixed.xml')).testcase*.@name*.text()
assert names.containsAll(['plain', 'a named test', 'a named skipped test'])
def passing = parse(new File(surefireDir, 'TEST-com.example.reports.PassingTest-suffixed.xml'))
assert passing.@name.text() == 'A passing suite(suffixed)'
assert passing.properties.isEmpty()

// reportFormat=plain: the text report lists every test, as Surefire's does, times aside.
def textLines = { File f -> f.readLines().collect { it.replaceAll(/Time elapsed: [0-9.]+ s/, 'Time elapsed: T s') } }
reportFiles(surefireDir).findAll { it.endsWith('.txt') }.each { name ->
    def expected = textLines(new File(surefireDir, name)).findAll { !(it =~ /^\s+at /) }
    def actual = textLines(new File(fastCiDir, name)).findAll { !(it =~ /^\s+at /) }
    assert actual == expected : "${name} differs"
}
assert textLines(new File(fastCiDir, 'com.example.reports.MixedTest-suffixed.txt'))
        .containsAll(['com.example.reports.MixedTest.passes -- Time elapsed: T s', 'com.example.reports.MixedTest.later skipped'])

// And on the console, each test's line under its class's, at the class line's level.
def section = { String heading, String next ->
    int start = log.indexOf(heading)
    assert start >= 0 : heading
    int end = next == null ? -1 : log.indexOf(next, start + heading.length())
    log.substring(start, end < 0 ? log.length() : end)
}
String surefireLog = section('--- surefire:3.6.0:test (default-test)', '--- surefire:3.6.0:test (disabled)')
String surefireDisabled = section('--- surefire:3.6.0:test (disabled)', '--- surefire:3.6.0:test (phrased-output)')
String fastCiLog = section('--- fast-ci:', '--- fast-ci:')
String fastCiDisabled = section(log.find(/--- fast-ci:\S+:test \(disabled\)/), '--- fast-ci:')
assert fastCiLog.contains(':test (default) @')
def testLines = { String part ->
    (part =~ /(?m)^\[(\w+)\] (com\.example\S+ (?:-- Time elapsed: [0-9.]+ s.*|skipped))$/).collect {
        [it[1], it[2].replaceAll(/Time elapsed: [0-9.]+ s/, 'Time elapsed: T s')]
    }
}
assert testLines(fastCiLog) == testLines(surefireLog)
assert testLines(fastCiLog).contains(['INFO', 'com.example.reports.PassingTest.first -- Time elapsed: T s'])

// Each of Surefire's reporters disabled: no XML or text reports, no Running or class lines, none of the tests' output;
// the summary still.
def shown = { String part ->
    part.readLines().findAll { it =~ /Running |Tests run:.* -- in |printed |Time elapsed/ }
}
assert shown(surefireDisabled).isEmpty() : shown(surefireDisabled)
assert shown(fastCiDisabled).isEmpty() : shown(fastCiDisabled)
[surefireDisabled, fastCiDisabled].each { assert it.contains('Tests run: 16, Failures: 2, Errors: 0, Skipped: 2') }
for (String dir : ['surefire-disabled', 'fast-ci-disabled']) {
    def written = reportFiles(new File(basedir, "target/$dir"))
    assert written.isEmpty() : "target/$dir: $written"
}

// consoleOutputReporter's usePhrasedFileName, with redirectTestOutputToFile: a class's output file is named by its
// @DisplayName, as Surefire names it by its test set's. Where they differ, on purpose: Surefire 3.6.0 names the file
// of a class without one "null", and gives a @Nested class's output a file of its own; fast-ci names the first by the
// class, and keeps the second in its top-level class's file.
def outputs = { String dir ->
    (new File(basedir, "target/$dir").listFiles() ?: []).findAll { it.name.endsWith('-output.txt') }
            .collectEntries { [it.name, it.readLines().sort()] }
}
def surefireOutputs = outputs('surefire-output')
def fastCiOutputs = outputs('fast-ci-output')
assert fastCiOutputs['A passing suite-suffixed-output.txt'] == surefireOutputs['A passing suite-suffixed-output.txt']
assert fastCiOutputs['A passing suite-suffixed-output.txt'] == ['printed by a passing test', 'printed on stderr by a passing test']
assert surefireOutputs['An outer suite-suffixed-output.txt'] == ['outer prints']
assert surefireOutputs['an inner suite-suffixed-output.txt'] == ['inner prints']
assert fastCiOutputs['An outer suite-suffixed-output.txt'] == ['inner prints', 'outer prints']
assert fastCiOutputs['com.example.reports.MixedTest-suffixed-output.txt'] == surefireOutputs['null-suffixed-output.txt']
assert fastCiOutputs.keySet() == ['A passing suite-suffixed-output.txt', 'An outer suite-suffixed-output.txt',
                                  'com.example.reports.MixedTest-suffixed-output.txt'] as Set
true
