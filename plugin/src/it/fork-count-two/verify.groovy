import groovy.xml.XmlSlurper

// forkCount 2 over 20 classes: every class runs exactly once and is reported once.
String log = new File(basedir, 'build.log').text
File reports = new File(basedir, 'target/surefire-reports')
def classes = (1..20).collect { String.format('com.example.queue.Queue%02dTest', it) }

assert log.contains('BUILD SUCCESS')

def xmlNames = reports.list().findAll { it.startsWith('TEST-') && it.endsWith('.xml') } as Set
assert xmlNames.size() == 20
assert xmlNames == classes.collect { "TEST-${it}.xml".toString() } as Set
classes.each { cls ->
    def suite = new XmlSlurper().parse(new File(reports, "TEST-${cls}.xml"))
    assert suite.@tests.text() as int == 1 : cls
    assert suite.@failures.text() as int == 0 : cls
    assert suite.@errors.text() as int == 0 : cls
    def consoleLines = log.findAll(/Tests run: .* -- in ${java.util.regex.Pattern.quote(cls)}\b/)
    assert consoleLines.size() == 1 : "${cls} reported ${consoleLines.size()} times on the console"
}

def lines = new File(basedir, 'target/runs.log').readLines().findAll { !it.isBlank() }
assert lines.size() == 20 : "expected 20 runs, got ${lines.size()}:\n${lines.join('\n')}"
def ran = lines.collect { it.split(' ')[0] }
classes.each { cls ->
    assert ran.count(cls) == 1 : "${cls} ran ${ran.count(cls)} times"
}

int results = log.indexOf('Results:')
assert results >= 0
assert log.substring(results) =~ /(?m)^\[INFO\] Tests run: 20, Failures: 0, Errors: 0, Skipped: 0\s*$/

// Best effort: with so few, so short tests one fork may drain the queue before the other starts.
def pids = lines.collect { it.split(' ')[1] } as Set
println "fork-count-two: tests ran in ${pids.size()} distinct JVM(s): ${pids}"

// -DforkCount, Surefire's property, set the forks.
assert new File(basedir, 'build.log').text.contains('test classes on 2 forks')

// The timeline page: one lane per fork, one bar per class, and its path among the last lines of the log.
File timeline = new File(basedir, 'target/fast-ci/timeline.html')
assert timeline.isFile()
String page = timeline.text
assert (page =~ /<g class="lane" data-fork="\d+">/).count == 2
assert (page =~ /<rect class="bar passed"/).count == 20
assert page.contains('<dd id="forks">2</dd>')
assert !(page =~ /(?i)(src|href)="https?:/) : 'the page loads nothing from the network'
// Right after the run's summary, the last lines of the goal's output.
assert log =~ /(?m)^\[INFO\] Tests run: 20, Failures: 0, Errors: 0, Skipped: 0\s*\n\[INFO\]\s*\n\[INFO\] fast-ci timeline: file:\/\/\/.*\/target\/fast-ci\/timeline\.html\s*$/
