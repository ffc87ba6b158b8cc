// Each fork got its own number from ${surefire.forkNumber}, in its system properties and its argLine: two forks,
// numbers 1 and 2, ports 21345 and 22345, and every class saw its fork's values.
File dir = new File(basedir, 'target/forks')
String log = new File(basedir, 'build.log').text
assert log.contains('test classes on 2 forks')
assert log.contains('BUILD SUCCESS')

def classes = (1..6).collect { "Port${it}IT".toString() }
def seen = classes.collectEntries { cls ->
    File f = new File(dir, cls)
    assert f.isFile() : "${cls} did not run"
    def (number, port, fromArgLine, pid) = f.text.split(' ')
    assert fromArgLine == number : "${cls}: argLine gave ${fromArgLine}, the system properties ${number}"
    assert port == "2${number}345".toString()
    [cls, [number: number, pid: pid]]
}
// Two JVMs, one number each, the numbers 1 and 2.
def numberOfPid = seen.values().groupBy { it.pid }.collectEntries { pid, runs -> [pid, runs*.number as Set] }
assert numberOfPid.size() == 2 : "expected two forks, got ${numberOfPid}"
numberOfPid.each { pid, numbers -> assert numbers.size() == 1 : "fork ${pid} saw numbers ${numbers}" }
assert numberOfPid.values().collect { it.first() } as Set == ['1', '2'] as Set
assert new File(dir, 'fork-1').text != new File(dir, 'fork-2').text
return true
