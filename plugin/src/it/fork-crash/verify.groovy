import groovy.xml.XmlSlurper

// Six classes kill or hang their fork (System.exit, Runtime.halt, out of memory, SIGKILL from another process, the
// fork timeout) or overflow the stack; six pass. Each crashing class is one error naming its cause, replacement forks
// go on with the queue, every passing class runs exactly once and passes, and the build fails naming each lost class.
String log = new File(basedir, 'build.log').text
File reports = new File(basedir, 'target/surefire-reports')

assert log.contains('BUILD FAILURE')
assert !log.contains('BUILD SUCCESS')

def causes = [
        ExitTest       : 'the forked JVM exited with code 3 before finishing',
        HaltTest       : 'the forked JVM exited with code 7 before finishing',
        OutOfMemoryTest: 'the forked JVM exited with code 3 before finishing',
        KilledTest     : 'the forked JVM was killed by signal 9 (SIGKILL)',
        HangTest       : 'the forked JVM timed out after 25 s (forkedProcessTimeoutInSeconds) and was killed',
]
causes.each { simple, cause ->
    def suite = new XmlSlurper().parse(new File(reports, "TEST-com.example.crash.${simple}.xml"))
    assert suite.@errors.text() as int == 1 : "${simple}: ${suite.@errors}"
    def error = suite.testcase.error.find { it.@type.text() == 'ForkedProcessCrash' }
    assert error.size() == 1 : "${simple} has no crash error"
    assert error.@message.text().startsWith(cause) : "${simple}: ${error.@message}"
    // The build's failure message names the class with its fork's cause.
    assert log =~ /fork \d+: ${java.util.regex.Pattern.quote(cause)}[^\n]*; lost com\.example\.crash\.${simple}/
}

def overflow = new XmlSlurper().parse(new File(reports, 'TEST-com.example.crash.StackOverflowTest.xml'))
assert overflow.testcase.error.@type.text() == 'java.lang.StackOverflowError' : 'a stack overflow is an ordinary error'

List<String> runs = new File(basedir, 'target/runs.log').readLines()
(1..6).each { n ->
    String name = "com.example.crash.Passing${n}Test"
    def suite = new XmlSlurper().parse(new File(reports, "TEST-${name}.xml"))
    assert suite.@tests.text() as int == 2
    assert suite.@errors.text() as int == 0 && suite.@failures.text() as int == 0 : "${name} did not pass"
    assert runs.count { it.startsWith(name + ' ') } == 1 : "${name} ran ${runs.count { it.startsWith(name + ' ') }} times"
}
assert reports.listFiles().findAll { it.name.startsWith('TEST-') }.size() == 12
// A crashing class runs once: the server keeps a dead fork's batch until the Maven side has recorded its results.
causes.keySet().each { simple ->
    int times = runs.count { it.startsWith("com.example.crash.${simple} ") }
    assert times == 1 : "${simple} ran ${times} times"
}
assert (log =~ /fork \d+ died \(.*\); fork \d+ replaces it/).count >= 5
assert log =~ /(?m)^\[ERROR\] Tests run: 18, Failures: 0, Errors: 6, Skipped: 0/

// On the orchestrator too, every class has exactly one result: none left without, none twice.
def done = (log =~ /FastCI local run done in ([0-9.]+) s \(classes ran for [0-9.]+ s\): (\d+) classes without a result on the orchestrator, (\d+) duplicate results dropped/)
assert done.find() : 'no end-of-run line'
assert done.group(2) as int == 0
int reruns = runs.size() - 12
assert reruns == 0 : "classes ran twice: ${runs}"
assert (done.group(3) as int) == 0
int deaths = (log =~ /fork \d+ died \(/).count
println "[fault suite] fork crashes: faults injected ${deaths}, classes lost 0, duplicate reports 0, " +
        "classes run twice ${reruns}, orchestrator duplicates ${done.group(3)}, run ${done.group(1)} s"
