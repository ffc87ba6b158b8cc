// reuseForks=false, forkCount 2: every class ran once, in a JVM of its own (six pids, each JVM's first class), and
// every JVM had its slot's number, 1 or 2, from ${surefire.forkNumber} in its system properties and its argLine.
File dir = new File(basedir, 'target/solo')
String log = new File(basedir, 'build.log').text
assert log.contains('test classes on 2 forks')
assert log.contains('Tests run: 12, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('BUILD SUCCESS')
assert !log.contains('reuseForks=false') : 'reuseForks=false is applied, no longer named as not applied'

def classes = (1..6).collect { "Solo${it}Test".toString() }
def pids = [] as Set
def numbers = [] as Set
classes.each { cls ->
    File f = new File(dir, cls)
    assert f.isFile() : "${cls} did not run"
    def (pid, number, fromArgLine, count) = f.text.split(' ')
    assert count == '1' : "${cls} ran in a JVM that had run ${count} classes"
    assert number in ['1', '2'] : "${cls} had fork number ${number}"
    assert fromArgLine == number : "${cls}: argLine gave ${fromArgLine}, the system properties ${number}"
    pids << pid
    numbers << number
    File report = new File(basedir, "target/surefire-reports/TEST-com.example.solo.${cls}.xml")
    assert report.isFile() : "no report for ${cls}"
    assert report.text.contains('tests="2"')
}
assert pids.size() == 6 : "one JVM per class, got ${pids.size()}: ${pids}"
assert numbers == ['1', '2'] as Set : "both slots ran classes: ${numbers}"
return true
