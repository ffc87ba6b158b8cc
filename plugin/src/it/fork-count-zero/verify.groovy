// forkCount=0 under Surefire 3.5.4 and fast-ci:test: both ran the tests in Maven's JVM, and their reports agree test
// by test (times, timestamps, host names and stack-trace details aside).
def reports = evaluate(new File(itDirectory, 'report-comparison.groovy'))
File target = new File(basedir, 'target')
reports.compare(new File(target, 'surefire-reports'), new File(target, 'fast-ci-reports'))

def outcomes = reports.parse(new File(target, 'fast-ci-reports/TEST-com.example.inproc.OutcomesTest.xml'))
assert reports.counts(outcomes) == [tests: 3, failures: 1, errors: 1, skipped: 0, flakes: null]
// What each test checked of its JVM held under both plugins: Maven's JVM, the run's properties, the tests' loader.
['SystemPropertiesTest', 'ClassLoadersTest'].each { name ->
    def suite = reports.parse(new File(target, "fast-ci-reports/TEST-com.example.inproc.${name}.xml"))
    assert suite.@failures.text() == '0' && suite.@errors.text() == '0' : "${name}: ${suite.testcase.failure.@message}"
}

String log = new File(basedir, 'build.log').text
String fastCiLog = log.substring(log.indexOf('--- fast-ci:'))
assert fastCiLog.contains("FastCI local run: 3 test classes in Maven's JVM (forkCount=0)")
assert fastCiLog.count('The parameter forkCount should likely not be 0.') == 1
assert fastCiLog.count("forkCount=0: argLine is not applied") == 1
// The tests' output is theirs: none of it between Maven's lines on the console outside the tests' own.
assert !fastCiLog.contains('fork 1')
