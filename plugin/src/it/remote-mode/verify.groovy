import groovy.xml.XmlSlurper
import java.util.concurrent.TimeUnit

// Remote mode against a real fast-ci:serve: two concurrent nodes of one build share the queue, a wrong key and a
// server that is not there each fail the build with one clear line.
File mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
String secret = 'it-secret-' + UUID.randomUUID()
int port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def classes = (1..8).collect { "com.example.remote.Part${it}Test".toString() } as Set

def command = { List<String> goals ->
    [mvn.path, '-B', "-Dmaven.repo.local=${localRepositoryPath}".toString(), '-f', new File(basedir, 'pom.xml').path] +
            goals
}
def start = { List<String> cmd, File log, Map<String, String> env ->
    def builder = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).redirectOutput(log)
    builder.environment().putAll(env)
    builder.start()
}
def finish = { Process p, String what ->
    assert p.waitFor(180, TimeUnit.SECONDS): "${what} did not end within 180 s"
    p.exitValue()
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
    assert new File(basedir, 'target/serve-data/fast-ci.db').isFile(): "fast-ci:serve keeps its store in fastCi.dataDir"
    String server = "-DfastCi.server=ws://127.0.0.1:${port}"
    Map<String, String> run = [FAST_CI_SECRET_KEY: secret, FAST_CI_BUILD_ID: 'it-' + UUID.randomUUID(),
                               FAST_CI_COMMIT: 'abc123', FAST_CI_BRANCH: 'main']

    // Two nodes of one build, at once.
    def nodes = ['a', 'b'].collect { name ->
        File log = new File(basedir, "node-${name}.log")
        [name: name, log: log, process: start(command(['ci.fast:fast-ci-maven-plugin:test', server,
                "-DnodeReports=${new File(basedir, "target/reports-${name}")}".toString()]), log, run)]
    }
    def ran = [:]
    nodes.each { node ->
        int exit = finish(node.process, "node ${node.name}")
        String text = node.log.text
        assert exit == 0: "node ${node.name} failed:\n${text}"
        assert text.contains('BUILD SUCCESS')
        File reports = new File(basedir, "target/reports-${node.name}")
        ran[node.name] = (reports.list() ?: []).findAll { it.startsWith('TEST-') && it.endsWith('.xml') }
                .collect { it.substring(5, it.length() - 4) } as Set
        ran[node.name].each { cls ->
            def suite = new XmlSlurper().parse(new File(reports, "TEST-${cls}.xml"))
            assert suite.@tests.text() as int == 2 && suite.@failures.text() as int == 0
        }
        assert !text.contains(secret): "node ${node.name} printed the secret"
    }
    assert ran.a.intersect(ran.b).isEmpty(): "classes ran on both nodes: ${ran.a.intersect(ran.b)}"
    assert (ran.a + ran.b) == classes: "not every class ran once: a=${ran.a} b=${ran.b}"
    println "remote-mode: node a ran ${ran.a.size()} classes, node b ran ${ran.b.size()}"
    // The last node's page, before fast-ci:report below writes the whole run's in its place.
    String nodeTimeline = new File(basedir, 'target/fast-ci/timeline.html').text

    // A job after the nodes: fast-ci:report fetches every node's reports from the server into one TEST-*.xml set,
    // each as the node that ran its class wrote it, and writes the page and the Results section of the whole run.
    File reportLog = new File(basedir, 'report.log')
    File merged = new File(basedir, 'target/merged')
    int reportExit = finish(start(command(['ci.fast:fast-ci-maven-plugin:report', server,
            "-DfastCi.mergedReportsDirectory=${merged}".toString()]), reportLog, run), 'fast-ci:report')
    String reportText = reportLog.text
    assert reportExit == 0: reportText
    assert reportText =~ /fast-ci:report: 8 reports of test_orchestrator:junit-remote-mode-it-\S+ from every node/
    assert reportText.contains('Tests run: 16, Failures: 0, Errors: 0, Skipped: 0'): reportText
    assert !reportText.contains(secret): 'fast-ci:report printed the secret'
    def mergedFiles = (merged.list() ?: []).findAll { it.startsWith('TEST-') && it.endsWith('.xml') } as Set
    assert mergedFiles == classes.collect { "TEST-${it}.xml".toString() } as Set: mergedFiles
    ['a', 'b'].each { name ->
        ran[name].each { cls ->
            assert new File(merged, "TEST-${cls}.xml").text == new File(basedir, "target/reports-${name}/TEST-${cls}.xml").text
        }
    }
    assert new File(basedir, 'target/fast-ci/timeline.html').text.contains('16 run, 0 failed')
    println "remote-mode: fast-ci:report wrote the ${mergedFiles.size()} reports of both nodes as one set"

    // A wrong key: refused at the upgrade, one clear line, exit 1.
    String wrongKey = 'not-the-key-' + UUID.randomUUID()
    File wrong = new File(basedir, 'wrong-key.log')
    // With -X: Maven's debug output must not hold the key either.
    int wrongExit = finish(start(command(['-X', 'ci.fast:fast-ci-maven-plugin:test', server]), wrong,
            run + [FAST_CI_SECRET_KEY: wrongKey, FAST_CI_BUILD_ID: 'it-' + UUID.randomUUID()]), 'wrong key')
    assert wrongExit == 1
    assert wrong.text.contains('the server refused the secret key (HTTP 403)')
    assert wrong.text.contains('secret_key=***') && !wrong.text.contains(wrongKey)

    String serveText = serveLog.text
    assert serveText =~ /run test_orchestrator:junit-remote-mode-it-\S+ finished: 8 classes, 0 duplicate results/
    assert !serveText.contains(secret)

    // The same port's plain HTTP, without the key: the run's figures (final once every node had its last reply), and
    // health.
    def http = { String path ->
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:${port}${path}").openConnection()
        c.connectTimeout = 10_000
        c.readTimeout = 10_000
        [status: c.responseCode, body: c.inputStream.text]
    }
    def metrics = http('/metrics')
    assert metrics.status == 200
    def sample = { String name ->
        def line = metrics.body.readLines().find { it.startsWith(name + ' ') }
        assert line != null: "no ${name} in:\n${metrics.body}"
        line.substring(name.length() + 1) as double
    }
    assert sample('fastci_classes_done_total') == 8
    assert sample('fastci_runs_finished_total') == 1
    assert sample('fastci_runs_active') == 0
    assert sample('fastci_duplicates_dropped_total') == 0
    assert sample('fastci_node_joins_total') >= 2
    assert sample('fastci_deq_reply_seconds_count') >= 2
    assert !metrics.body.contains(secret)
    assert http('/healthz') == [status: 200, body: 'ok\n']

    // The dashboard: each node named the whole run's page on the server, its timeline links to it, and the page shows
    // the run's end, every class, without the key.
    def pages = nodes.collect { node ->
        def link = node.log.text =~ /the whole run, every node: (http:\/\/127\.0\.0\.1:${port}\/runs\/\S+)/
        assert link.find(): "node ${node.name} named no run page:\n${node.log.text}"
        link.group(1)
    } as Set
    assert pages.size() == 1: "both nodes of one build name one page: ${pages}"
    String runPage = pages.first()
    assert nodeTimeline.contains("href=\"${runPage}\""): 'the node\'s timeline links to it'
    def shown = http(new URL(runPage).path)
    assert shown.status == 200
    assert shown.body.contains('data-outcome="passed"') && shown.body.contains('8 / 8 classes'): shown.body
    assert !shown.body.contains(secret)
    def listed = http('/')
    assert listed.status == 200 && listed.body.contains(new URL(runPage).path): listed.body
    println "remote-mode: the dashboard shows ${runPage}"
    println "remote-mode: /metrics counted 8 classes done, ${sample('fastci_deq_reply_seconds_count') as long} deq replies"
} finally {
    serve.destroy()
    if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly()
    }
}

// Nothing listening, fallback off: the clear line once the start's retries (about 20 s) are used up.
File refused = new File(basedir, 'refused.log')
long started = System.nanoTime()
int refusedExit = finish(start(command(['ci.fast:fast-ci-maven-plugin:test', "-DfastCi.server=ws://127.0.0.1:${port}".toString(),
        '-DfastCi.fallback=false']),
        refused, [FAST_CI_SECRET_KEY: secret, FAST_CI_BUILD_ID: 'it-refused', FAST_CI_COMMIT: 'abc123',
                  FAST_CI_BRANCH: 'main']), 'nothing listening')
long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)
assert refusedExit == 1
assert refused.text.contains('connection refused'): refused.text
assert refused.text.contains('fastCi.fallback is off'): refused.text
assert !refused.text.contains('\tat '): 'no stack trace for a server that is not there'
println "remote-mode: nothing listening failed the build in ${seconds} s"
assert seconds < 90
return true
