import groovy.xml.XmlSlurper
import java.util.concurrent.TimeUnit

// The same integration tests ran under Failsafe 3.5.4 and fast-ci:integration-test in one build, around one server:
// their reports, summary files, console lines and verify goals must agree in everything but times, timestamps, host
// names and stack-trace details, and the differences left are asserted below, each with its reason.
File target = new File(basedir, 'target')
File failsafeDir = new File(target, 'failsafe-reports')
File fastCiDir = new File(target, 'fast-ci-reports')
String log = new File(basedir, 'build.log').text

def reportFiles = { File dir ->
    (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml|.*\.txt/ }*.name.sort()
}
assert reportFiles(failsafeDir).size() == 8 : 'Failsafe wrote no reports'
assert reportFiles(fastCiDir) == reportFiles(failsafeDir)

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
             [it.name(), it.@type.text(), it.@message.text(), !it.text().trim().isEmpty()]
         },
         out: tc.'system-out'*.text().join(''), err: tc.'system-err'*.text().join('')]
    }.sort { a, b -> a.classname <=> b.classname ?: a.name <=> b.name }
}
def counts = { suite -> ['tests', 'failures', 'errors', 'skipped'].collectEntries { [it, suite."@$it".text() as int] } }
String xsi = 'http://www.w3.org/2001/XMLSchema-instance'
reportFiles(failsafeDir).findAll { it.endsWith('.xml') }.each { name ->
    def expected = parse(new File(failsafeDir, name))
    def actual = parse(new File(fastCiDir, name))
    assert actual.@name.text() == expected.@name.text()
    assert counts(actual) == counts(expected) : "${name}: counts differ"
    assert testcases(actual) == testcases(expected) : "${name}: testcases differ"
    ['system-out', 'system-err'].each { element ->
        assert actual."$element"*.text() == expected."$element"*.text() : "${name}: the suite's ${element} differs"
    }
    assert expected.properties.property.find { it.@name == 'compare.runner' }.@value.text() == 'failsafe'
    assert actual.properties.property.find { it.@name == 'compare.runner' }.@value.text() == 'fast-ci'
    // Both name Failsafe's report schema.
    def schema = { File f -> (f.text =~ /noNamespaceSchemaLocation="([^"]+)"/)[0][1] }
    assert schema(new File(failsafeDir, name)).endsWith('/maven-failsafe-plugin/xsd/failsafe-test-report.xsd')
    assert schema(new File(fastCiDir, name)) == schema(new File(failsafeDir, name))
}
// The cases are there: a failure, an error, a @Disabled and an assumption, a @Nested class, output, the server.
def outcomes = parse(new File(failsafeDir, 'TEST-com.example.compare.OutcomesIT.xml'))
assert counts(outcomes) == [tests: 3, failures: 1, errors: 1, skipped: 0]
assert counts(parse(new File(failsafeDir, 'TEST-com.example.compare.SkippedIT.xml'))).skipped == 2
assert counts(parse(new File(failsafeDir, 'TEST-com.example.compare.ServerIT.xml'))) == [tests: 2, failures: 0, errors: 0, skipped: 0]
assert testcases(parse(new File(failsafeDir, 'TEST-com.example.compare.NestingIT.xml'))).any { it.name == 'innerFails' }
assert outcomes.testcase.find { it.@name == 'greets' }.'system-out'.text().contains('out from greets')

// The text reports: the same header, class line, failed tests' heading lines and empty lines.
def textShape = { File f ->
    f.readLines().findAll { !(it =~ /^\s+at |^\s+\.\.\. \d+ more|^Caused by|^\s*$/) }
            .collect { it.replaceAll(/Time elapsed: [0-9.]+ s/, 'Time elapsed: T s') }
            .findAll { it.startsWith('Tests run:') || it.startsWith('Test set:') || it.contains(' -- Time elapsed') }
}
reportFiles(failsafeDir).findAll { it.endsWith('.txt') }.each { name ->
    assert textShape(new File(fastCiDir, name)) == textShape(new File(failsafeDir, name)) : "${name} differs"
    // An empty line closes each problem, as Failsafe writes it.
    def blanks = { File f -> f.readLines().count { it.isEmpty() } }
    assert blanks(new File(fastCiDir, name)) == blanks(new File(failsafeDir, name)) : "${name}: empty lines differ"
}

// failsafe-summary.xml byte for byte, of the failing run and of a passing one (result="null", Failsafe's way).
['failsafe-reports': 'fast-ci-reports', 'failsafe-passing': 'fast-ci-passing'].each { failsafe, fastCi ->
    byte[] expected = new File(target, "${failsafe}/failsafe-summary.xml").bytes
    byte[] actual = new File(target, "${fastCi}/failsafe-summary.xml").bytes
    assert new String(actual, 'UTF-8') == new String(expected, 'UTF-8') : "${fastCi}/failsafe-summary.xml differs"
}
assert new File(target, 'failsafe-passing/failsafe-summary.xml').text.contains(' result="null" ')
assert new File(target, 'failsafe-reports/failsafe-summary.xml').text.contains(' result="255" ')

// The console: each runner's part of the log, from its goal's heading to the next one.
String firstBuild = log.substring(0, log.indexOf('BUILD SUCCESS'))
def part = { String from, String to ->
    int start = firstBuild.indexOf(from)
    int end = firstBuild.indexOf(to, start + 1)
    assert start >= 0 && end > start : "no part of the log from '${from}' to '${to}'"
    firstBuild.substring(start, end)
}
String failsafeLog = part('--- failsafe:3.5.4:integration-test (default)', '--- failsafe:3.5.4:integration-test (passing)')
String fastCiLog = part('--- fast-ci:0.1.0-SNAPSHOT:integration-test (default)', '--- fast-ci:0.1.0-SNAPSHOT:integration-test (passing)')
def running = { String text -> (text =~ /(?m)^\[INFO\] Running (.+)$/).collect { it[1] }.sort() }
assert running(fastCiLog) == running(failsafeLog)
assert running(failsafeLog).contains('com.example.compare.NestingIT$Inner')
def classLines = { String text ->
    (text =~ /(?m)^\[(\w+)\] (Tests run: .*) -- in (.+)$/).collect {
        [it[1], it[2].replaceAll(/Time elapsed: [0-9.]+ s/, 'Time elapsed: T s'), it[3]]
    }.sort { it.toString() }
}
assert classLines(fastCiLog) == classLines(failsafeLog)
assert classLines(failsafeLog).size() == 5
def headings = { String text ->
    (text =~ /(?m)^\[ERROR\] (\S+) -- Time elapsed: [0-9.]+ s <<< (FAILURE|ERROR)!$/).collect { it[1] + ' ' + it[2] }.sort()
}
assert headings(fastCiLog) == headings(failsafeLog)
assert headings(failsafeLog).contains('com.example.compare.NestingIT.innerFails FAILURE')
// Under each heading both print the problem's stack trace: its first line is the same.
def traces = { String text ->
    (text =~ /(?m)^\[ERROR\] (\S+) -- Time elapsed: [0-9.]+ s <<< (?:FAILURE|ERROR)!\r?\n(\S[^\r\n]*)$/)
            .collect { it[1] + ' ' + it[2] }.sort()
}
assert traces(fastCiLog) == traces(failsafeLog)
assert traces(failsafeLog).any { it.startsWith('com.example.compare.OutcomesIT.throwsAnException java.lang.') }
def printed = { String text -> ['out from greets', 'out from failsAnAssertion', 'err from throwsAnException',
                                'out from outer', 'out from innerFails', 'pinged the server'].findAll { text.contains(it) } }
assert printed(fastCiLog) == printed(failsafeLog) && printed(failsafeLog).size() == 6
def problems = { String text ->
    String results = text.substring(text.indexOf('Results:'))
    results.substring(0, results.indexOf('Tests run:')).readLines().findAll { it.startsWith('[ERROR]') }
}
assert problems(fastCiLog) == problems(failsafeLog)
def totals = { String text -> (text.substring(text.indexOf('Results:')) =~ /(?m)^\[(\w+)\] (Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+.*)$/)[0] }
assert totals(fastCiLog)[1] == totals(failsafeLog)[1] : 'the summary is logged at another level'
assert totals(fastCiLog)[2] == totals(failsafeLog)[2] : 'the summary counts differ'
assert totals(failsafeLog)[2] == 'Tests run: 11, Failures: 2, Errors: 1, Skipped: 2'
// A difference left: Failsafe starts with "Failsafe report directory: …"; fast-ci names its run instead.
assert failsafeLog.contains('[INFO] Failsafe report directory: ')
assert fastCiLog.contains('FastCI local run: 4 test classes on 1 fork')

// The server: started before both runs, stopped after both, reached by both runners' ServerIT.
int stop = firstBuild.indexOf('(stop-server)')
assert firstBuild.indexOf('(start-server)') < firstBuild.indexOf('--- failsafe:3.5.4:integration-test')
assert stop > firstBuild.indexOf('--- fast-ci:0.1.0-SNAPSHOT:integration-test (passing)')
assert stop < firstBuild.indexOf('--- failsafe:3.5.4:verify') && stop < firstBuild.indexOf('--- fast-ci:0.1.0-SNAPSHOT:verify')
assert new File(target, 'server.stopped').text == 'stopped in post-integration-test'

// verify, failures ignored (this build): both log the failure at ERROR and let the build pass.
String failsafeVerify = part('--- failsafe:3.5.4:verify', '--- fast-ci:0.1.0-SNAPSHOT:verify')
String fastCiVerify = firstBuild.substring(firstBuild.indexOf('--- fast-ci:0.1.0-SNAPSHOT:verify'))
[failsafeVerify, fastCiVerify].each { assert it.contains('[ERROR] There are test failures.') }

// verify, failures not ignored, each alone on its summary: exit 1, the same message's first lines.
File mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
def verify = { String goal, String name ->
    File out = new File(basedir, "${name}.log")
    // Offline, on what the build resolved: without the invoker's settings, the repository the plugins came from is
    // not known here, so their origin is not tracked (a tracking file that does not exist).
    Process p = new ProcessBuilder([mvn.path, '-B', '-o', "-Dmaven.repo.local=${localRepositoryPath}".toString(),
                                    '-Daether.enhancedLocalRepository.trackingFilename=fast-ci-none',
                                    '-DignoreFailures=false', goal])
            .directory(basedir).redirectErrorStream(true).redirectOutput(out).start()
    assert p.waitFor(180, TimeUnit.SECONDS) : "${goal} did not end within 180 s"
    [exit: p.exitValue(), lines: (out.text =~ /(?m)^\[ERROR\] (.*)$/).collect { it[1] }]
}
def failsafe = verify('org.apache.maven.plugins:maven-failsafe-plugin:3.5.4:verify', 'failsafe-verify')
def fastCi = verify('ci.fast:fast-ci-maven-plugin:verify', 'fast-ci-verify')
assert failsafe.exit == 1
assert fastCi.exit == 1
def message = { List<String> lines, String plugin, String dir ->
    int start = lines.findIndexOf { it.startsWith('Failed to execute goal') }
    int end = lines.findIndexOf(start) { it.startsWith('-> [Help 1]') }
    lines.subList(start, end).collect { it.replace(plugin, 'PLUGIN').replace(dir, 'DIR') }
}
def failsafeMessage = message(failsafe.lines, 'org.apache.maven.plugins:maven-failsafe-plugin:3.5.4', failsafeDir.path)
def fastCiMessage = message(fastCi.lines, 'ci.fast:fast-ci-maven-plugin:0.1.0-SNAPSHOT', fastCiDir.path)
assert failsafeMessage[0] == 'Failed to execute goal PLUGIN:verify (default-cli) on project failsafe-comparison: There are test failures.'
// Differences left, by design: Failsafe's last line is about its dump files, which fast-ci does not write; fast-ci
// then names the failed tests (issue 13), which Failsafe leaves to the reports.
assert failsafeMessage.last().startsWith('See dump files')
assert fastCiMessage.subList(0, failsafeMessage.size() - 1) == failsafeMessage.subList(0, failsafeMessage.size() - 1)
assert fastCiMessage.subList(failsafeMessage.size() - 1, fastCiMessage.size()) == [
        'Failed tests:',
        '  NestingIT.innerFails: inner failure',
        '  OutcomesIT.failsAnAssertion: greeting ==> expected: <Hi, you> but was: <Hello, you>',
        '  OutcomesIT.throwsAnException: broken state']
return true
