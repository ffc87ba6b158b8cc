// A test class whose superclass is missing at run time. Surefire 3.5.4 loads every test class in its fork before
// running any: the fork fails, no test runs, no report is written, and the build fails although testFailureIgnore
// is set ("There was an error in the forked process"). fast-ci fails the build the same way, with one line naming the
// class and what is missing, and writes no report for it; it does not lose the other classes: they run and are
// reported. build.log holds the Surefire build, then the fast-ci one.
String log = new File(basedir, 'build.log').text
int second = log.indexOf('Scanning for projects', log.indexOf('Scanning for projects') + 1)
assert second > 0 : 'the second build is missing'
String surefireLog = log.substring(0, second)
String fastCiLog = log.substring(second)
assert surefireLog.contains('--- surefire:3.5.4:test') && !surefireLog.contains('--- fast-ci:')
assert fastCiLog.contains('--- fast-ci:') && fastCiLog.contains('Tests are skipped.')

def totals = { String part -> (part.substring(part.indexOf('Results:')) =~ /(?m)^\[(\w+)\] (Tests run: .*)$/)[0][0] }
def reports = { String dir ->
    (new File(basedir, "target/${dir}").listFiles() ?: []).findAll { it.name.startsWith('TEST-') }*.name
}

[surefireLog, fastCiLog].each { part ->
    assert part.contains('BUILD FAILURE')
    assert part.contains('com/example/load/MissingBase')
    assert !part.contains('Running com.example.load.OrphanTest')
}
assert surefireLog.contains('There was an error in the forked process')
assert !(surefireLog =~ /(?m)^\[INFO\] Running /) : 'a test ran under Surefire'
assert totals(surefireLog) == '[INFO] Tests run: 0, Failures: 0, Errors: 0, Skipped: 0'
assert reports('surefire-reports') == []

assert fastCiLog =~ /(?m)^\[ERROR\] com\.example\.load\.OrphanTest could not be loaded: java\.lang\.NoClassDefFoundError: com\/example\/load\/MissingBase$/
assert fastCiLog.contains('Running com.example.load.HealthyTest')
assert totals(fastCiLog) == '[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0'
assert reports('fast-ci-reports') == ['TEST-com.example.load.HealthyTest.xml']
assert !new File(basedir, 'target/class-load-failure-1.0.jar').exists() : 'the lifecycle went on past the tests'
