import groovy.xml.XmlSlurper

// The same TestNG tests under Surefire 3.5.4's TestNG provider and fast-ci:test, with and without suite files: their
// reports must agree in everything but times, timestamps, host names and stack-trace details.
File target = new File(basedir, 'target')
String log = new File(basedir, 'build.log').text

def reportFiles = { File dir -> (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }*.name.sort() }
def parse = { File f ->
    def slurper = new XmlSlurper()
    slurper.setFeature('http://apache.org/xml/features/disallow-doctype-decl', false)
    slurper.parse(f)
}
def kinds = ['failure', 'error', 'skipped']
def testcases = { suite ->
    suite.testcase.collect { tc ->
        [name: tc.@name.text(), classname: tc.@classname.text(),
         children: tc.children().findAll { it.name() in kinds }.collect { [it.name(), it.@type.text(), it.@message.text()] }]
    }.sort { a, b -> a.classname <=> b.classname ?: a.name <=> b.name }
}
def counts = { suite -> ['tests', 'failures', 'errors', 'skipped'].collectEntries { [it, suite."@$it".text() as int] } }
def compare = { String surefire, String fastCi ->
    File expectedDir = new File(target, surefire)
    File actualDir = new File(target, fastCi)
    assert !reportFiles(expectedDir).isEmpty() : "Surefire wrote no reports in ${surefire}"
    assert reportFiles(actualDir) == reportFiles(expectedDir)
    reportFiles(expectedDir).each { name ->
        def expected = parse(new File(expectedDir, name))
        def actual = parse(new File(actualDir, name))
        assert actual.@name.text() == expected.@name.text()
        assert counts(actual) == counts(expected) : "${fastCi}/${name}: counts differ"
        assert testcases(actual) == testcases(expected) : "${fastCi}/${name}: testcases differ"
    }
}

// The discovered classes in one reused fork: Surefire's TestNG provider gets them all at once and runs one suite.
compare('surefire-all', 'fast-ci-all')
assert reportFiles(new File(target, 'fast-ci-all')) == ['TEST-TestSuite.xml']
assert testcases(parse(new File(target, 'fast-ci-all/TEST-TestSuite.xml'))).size() == 14

// In two forks it gets them one by one, a report each: a static nested class's test runs, in its outer class's.
compare('surefire-forks', 'fast-ci-forks')
def outer = parse(new File(target, 'fast-ci-forks/TEST-com.example.ng.OuterTest.xml'))
assert testcases(outer)*.classname == ['com.example.ng.OuterTest', 'com.example.ng.OuterTest$InnerTest']

// The suite files: what they name, in one report, TestSuite.
compare('surefire-suite', 'fast-ci-suite')
assert reportFiles(new File(target, 'fast-ci-suite')) == ['TEST-TestSuite.xml']
def suite = parse(new File(target, 'fast-ci-suite/TEST-TestSuite.xml'))
// Their groups, excluded methods and parameters applied (only AlphaTest's failsOnPurpose fails), the objectFactory too.
assert testcases(suite).collect { it.classname + '#' + it.name } == [
        'com.example.ng.AlphaTest#adds', 'com.example.ng.AlphaTest#failsOnPurpose', 'com.example.ng.BetaTest#one',
        'com.example.ng.ExcludingTest#kept', 'com.example.ng.FactoryTest#createdByTheFactory',
        'com.example.ng.GammaTest#gamma', 'com.example.ng.GroupedTest#fast', 'com.example.ng.ParameterTest#greets',
        'com.example.ng.more.MoreChecks#more']
assert testcases(suite).findAll { !it.children.isEmpty() }*.name == ['failsOnPurpose']
assert log.contains('Running TestSuite')
assert log =~ /Tests run: 9, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s <<< FAILURE! -- in TestSuite/

// The suite file's listener ran under both, and saw the same tests.
def listened = { String name ->
    File file = new File(target, name)
    assert file.isFile() : "the suite's listener wrote no ${name}"
    file.readLines().sort()
}
assert listened('fast-ci-listener.txt') == listened('surefire-listener.txt')
assert listened('fast-ci-listener.txt').size() == 9

// The objectFactory, without suite files too: FactoryTest passes in every run.
['fast-ci-all', 'fast-ci-forks'].each { dir ->
    new File(target, dir).listFiles().findAll { it.name ==~ /TEST-.*\.xml/ }.each { f ->
        testcases(parse(f)).findAll { it.name == 'createdByTheFactory' }.each { assert it.children.isEmpty() : "${dir}: ${it}" }
    }
}
true
