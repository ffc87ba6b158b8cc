import groovy.xml.XmlSlurper

// rerunFailingTestsCount=2: the test that fails once passes on its rerun and is a flake; the one that always fails
// runs three times and fails the build. The reports carry every run, as Surefire writes them.
String log = new File(basedir, 'build.log').text
File reports = new File(basedir, 'target/surefire-reports')

assert log.contains('BUILD FAILURE')
assert log.contains('There are test failures.')
int results = log.indexOf('Results:')
assert results >= 0
String summary = log.substring(results)
assert summary =~ /(?m)^\[ERROR\] Errors: $/
assert summary =~ /(?m)^\[ERROR\] com\.example\.retry\.BrokenTest\.failsEveryTime$/
(1..3).each { run ->
    assert summary =~ /(?m)^\[ERROR\]   Run ${run}: BrokenTest\.failsEveryTime:\d+ IllegalState broken every time$/
}
assert !(summary =~ /Run 4:/)
assert summary =~ /(?m)^\[WARNING\] Flakes: $/
assert summary =~ /(?m)^\[WARNING\] com\.example\.retry\.FlakyTest\.passesOnItsSecondRun$/
assert summary =~ /(?m)^\[ERROR\]   Run 1: FlakyTest\.passesOnItsSecondRun:\d+ first run fails/
assert summary =~ /(?m)^\[INFO\]   Run 2: PASS$/
// A class whose @BeforeAll fails: Surefire 3.5.4 reruns it as a whole and names it "<class>.null".
assert summary =~ /(?m)^\[ERROR\] com\.example\.retry\.BeforeAllBrokenTest\.null$/
(1..3).each { run ->
    assert summary =~ /(?m)^\[ERROR\]   Run ${run}: BeforeAllBrokenTest\.connect:\d+ IllegalState database unavailable$/
}
// One whose rerun passes: its first failure stands, its test that ran on the rerun is counted.
assert summary =~ /(?m)^\[ERROR\]   BeforeAllFlakyTest\.connect:\d+ IllegalState first time only$/
assert summary =~ /(?m)^\[ERROR\] Tests run: 6, Failures: 0, Errors: 3, Skipped: 0, Flakes: 1$/

// Each test ran in one fork, and the flaky test's state file says it ran twice there.
def output = new File(basedir, 'target/flaky-first-run.done')
assert output.isFile()

def flaky = new XmlSlurper().parse(new File(reports, 'TEST-com.example.retry.FlakyTest.xml'))
assert flaky.@tests.text() as int == 2
assert flaky.@failures.text() as int == 0
assert flaky.@errors.text() as int == 0
def second = flaky.testcase.find { it.@name.text() == 'passesOnItsSecondRun' }
assert second.failure.size() == 0
assert second.flakyFailure.size() == 1
assert second.flakyFailure.@type.text() == 'org.opentest4j.AssertionFailedError'
assert second.flakyFailure.@message.text().startsWith('first run fails')
assert second.flakyFailure.stackTrace.text().contains('FlakyTest.passesOnItsSecondRun(FlakyTest.java:')
// Both runs printed: the failed run's output is in its flakyFailure, as Surefire writes it; the passing run's
// (which Surefire drops) in the testcase.
assert second.flakyFailure.'system-out'.text().contains('first=true')
assert !second.flakyFailure.'system-out'.text().contains('first=false')
assert second.'system-out'.text().contains('first=false')

def broken = new XmlSlurper().parse(new File(reports, 'TEST-com.example.retry.BrokenTest.xml'))
assert broken.@tests.text() as int == 1
assert broken.@errors.text() as int == 1
def always = broken.testcase.find { it.@name.text() == 'failsEveryTime' }
assert always.error.size() == 1
assert always.error.@type.text() == 'java.lang.IllegalStateException'
assert always.rerunError.size() == 2
always.rerunError.each {
    assert it.@message.text() == 'broken every time'
    assert it.stackTrace.text().contains('java.lang.IllegalStateException: broken every time')
}
assert always.flakyError.size() == 0

def beforeAllBroken = new XmlSlurper().parse(new File(reports, 'TEST-com.example.retry.BeforeAllBrokenTest.xml'))
assert beforeAllBroken.testcase.size() == 1
def whole = beforeAllBroken.testcase[0]
assert whole.@name.text() == ''
assert whole.error.@message.text() == 'database unavailable'
assert whole.'system-out'.text().trim() == 'connect, run 1'
assert whole.rerunError.size() == 2
assert whole.rerunError*.'system-out'*.text()*.trim() == ['connect, run 2', 'connect, run 3']

def beforeAllFlaky = new XmlSlurper().parse(new File(reports, 'TEST-com.example.retry.BeforeAllFlakyTest.xml'))
assert beforeAllFlaky.testcase*.@name*.text() == ['', 'runsOnTheRerun']
assert beforeAllFlaky.testcase[0].error.@message.text() == 'first time only'
assert beforeAllFlaky.testcase[0].rerunError.size() == 0
assert beforeAllFlaky.testcase[1].children().size() == 0
