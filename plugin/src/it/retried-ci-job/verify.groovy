import java.util.concurrent.TimeUnit

// A retried CI job reruns its own share with fast-ci:serve. Attempt 1 of a GitHub Actions matrix job: two copies
// (FAST_CI_NODE_INDEX 0 and 1; the first with two forks) share the queue. Attempt 2 retries each copy alone: copy 1
// reruns exactly the classes it ran (fastCi.retry=all, the default), copy 0 exactly those of its classes that failed
// (-DfastCi.retry=failed); each says so in one line.
File mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
String secret = 'it-secret-' + UUID.randomUUID()
int port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def classes = (1..8).collect { "com.example.retried.Part${it}Test".toString() } as Set
def failing = classes.findAll { (it =~ /Part(\d)Test/)[0][1].toInteger() % 2 == 0 } as Set
String runId = String.valueOf(Math.abs(new Random().nextLong()))

def command = { List<String> goals ->
    [mvn.path, '-B', "-Dmaven.repo.local=${localRepositoryPath}".toString(), '-f', new File(basedir, 'pom.xml').path] +
            goals
}
def start = { List<String> cmd, File log, Map<String, String> env ->
    def builder = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).redirectOutput(log)
    // Only this test's CI: nothing of the machine running it may name the build or the node.
    ['FAST_CI_BUILD_ID', 'FAST_CI_COMMIT', 'FAST_CI_BRANCH', 'FAST_CI_NODE_ID', 'FAST_CI_NODE_INDEX',
     'FAST_CI_NODE_TOTAL'].each { builder.environment().remove(it) }
    builder.environment().putAll(env)
    builder.start()
}
def finish = { Process p, String what ->
    assert p.waitFor(180, TimeUnit.SECONDS): "${what} did not end within 180 s"
    p.exitValue()
}
def reported = { File reports ->
    (reports.list() ?: []).findAll { it.startsWith('TEST-') && it.endsWith('.xml') }
            .collect { it.substring(5, it.length() - 4) } as Set
}
// One CI job: GitHub Actions' variables for copy `index` of matrix job `test`, in attempt `attempt`.
def job = { int attempt, int index ->
    [FAST_CI_SECRET_KEY: secret, GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: "${attempt}".toString(),
     GITHUB_JOB: 'test', GITHUB_SHA: 'abc1234def5678', GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: '',
     FAST_CI_NODE_INDEX: "${index}".toString(), FAST_CI_NODE_TOTAL: '2']
}

File serveLog = new File(basedir, 'serve.log')
Process serve = start(command(['ci.fast:fast-ci-maven-plugin:serve', "-DfastCi.port=${port}".toString(),
        "-DfastCi.dataDir=${new File(basedir, 'target/serve-data')}".toString()]), serveLog,
        [FAST_CI_SECRET_KEY: secret])
try {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
    while (!serveLog.text.contains('FastCI orchestrator listening')) {
        assert serve.alive: "fast-ci:serve stopped:\n${serveLog.text}"
        assert System.nanoTime() < deadline: "fast-ci:serve did not start:\n${serveLog.text}"
        serve.waitFor(200, TimeUnit.MILLISECONDS)
    }
    String server = "-DfastCi.server=ws://127.0.0.1:${port}"
    def node = { String name, int attempt, int index, List<String> more ->
        File log = new File(basedir, "${name}.log")
        File reports = new File(basedir, "target/reports-${name}")
        Process p = start(command(['ci.fast:fast-ci-maven-plugin:test', server, '-Dmaven.test.failure.ignore=true',
                "-DnodeReports=${reports}".toString()] + more), log, job(attempt, index))
        [name: name, log: log, reports: reports, process: p]
    }
    def ended = { n ->
        int exit = finish(n.process, n.name)
        assert exit == 0: "${n.name} failed:\n${n.log.text}"
        assert !n.log.text.contains(secret): "${n.name} printed the secret"
        reported(n.reports)
    }

    // Attempt 1: both copies at once, sharing one queue.
    def first = [node('attempt1-copy0', 1, 0, ['-DforkCount=2']), node('attempt1-copy1', 1, 1, [])]
    Set<String> ran0 = ended(first[0])
    Set<String> ran1 = ended(first[1])
    assert ran0.intersect(ran1).isEmpty(): "classes ran on both copies: ${ran0.intersect(ran1)}"
    assert (ran0 + ran1) == classes: "not every class ran once: copy 0 ${ran0}, copy 1 ${ran1}"
    assert !ran0.isEmpty() && !ran1.isEmpty(): "one copy ran nothing: copy 0 ${ran0}, copy 1 ${ran1}"
    println "retried-ci-job: attempt 1, copy 0 ran ${ran0.sort()}, copy 1 ran ${ran1.sort()}"

    // Attempt 2: each copy retried alone, as "re-run failed jobs" does.
    def retried1 = node('attempt2-copy1', 2, 1, [])
    Set<String> rerun1 = ended(retried1)
    assert rerun1 == ran1: "copy 1 reran ${rerun1}, not what it ran: ${ran1}"
    String all = "FastCI retry (fastCi.retry=all): node test/1 reruns the ${ran1.size()} classes it ran in build ${runId}-1-test"
    assert retried1.log.text.contains(all): "no line saying what the retry runs:\n${retried1.log.text}"

    def retried0 = node('attempt2-copy0', 2, 0, ['-DfastCi.retry=failed'])
    Set<String> rerun0 = ended(retried0)
    Set<String> failed0 = ran0.intersect(failing)
    assert rerun0 == failed0: "copy 0 reran ${rerun0}, not its failed classes: ${failed0}"
    String failed = "FastCI retry (fastCi.retry=failed): node test/0 reruns the ${failed0.size()} of its ${ran0.size()} classes that failed in build ${runId}-1-test"
    assert retried0.log.text.contains(failed): "no line saying what the retry runs:\n${retried0.log.text}"
    println "retried-ci-job: attempt 2, copy 1 reran ${rerun1.sort()} (all), copy 0 reran ${rerun0.sort()} (failed)"

    String serveText = serveLog.text
    assert serveText.contains("retried node test/1 of junit-retried-ci-job-${runId}-test (build ${runId}-2-test) asks what it ran before: ${ran1.size()} classes")
} finally {
    serve.destroy()
    if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly()
    }
}
return true
