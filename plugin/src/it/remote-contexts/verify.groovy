import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

// Remote mode learns the Spring contexts as local mode does: a real fast-ci:serve, two runs of one run key, each of
// two nodes (forkCount=2). The first run's nodes name each class's context; the server's history (in its store)
// keeps them; in the
// second run, each node is handed the classes of the context it has built, so fewer contexts are built than
// nodes times contexts.
File mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
String secret = 'it-secret-' + UUID.randomUUID()
int port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
File data = new File(basedir, 'target/serve-data')

def command = { List<String> goals ->
    [mvn.path, '-B', "-Dmaven.repo.local=${localRepositoryPath}".toString(), '-f', new File(basedir, 'pom.xml').path] +
            goals
}
def start = { List<String> cmd, File log, Map<String, String> env ->
    def builder = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).redirectOutput(log)
    builder.environment().putAll(env)
    builder.start()
}

File serveLog = new File(basedir, 'serve.log')
Process serve = start(command(['ci.fast:fast-ci-maven-plugin:serve', "-DfastCi.port=${port}".toString(),
        "-DfastCi.dataDir=${data}".toString()]), serveLog, [FAST_CI_SECRET_KEY: secret])
try {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
    while (!serveLog.text.contains('FastCI orchestrator listening')) {
        assert serve.alive: "fast-ci:serve stopped:\n${serveLog.text}"
        assert System.nanoTime() < deadline: "fast-ci:serve did not start:\n${serveLog.text}"
        serve.waitFor(200, TimeUnit.MILLISECONDS)
    }
    [1, 2].each { run ->
        File log = new File(basedir, "run-${run}.log")
        Process node = start(command(['ci.fast:fast-ci-maven-plugin:test', "-DfastCi.server=ws://127.0.0.1:${port}".toString(),
                "-Drun=${run}".toString()]), log,
                [FAST_CI_SECRET_KEY: secret, FAST_CI_BUILD_ID: "contexts-${run}-${UUID.randomUUID()}".toString(),
                 FAST_CI_COMMIT: 'abc123', FAST_CI_BRANCH: 'main'])
        assert node.waitFor(300, TimeUnit.SECONDS): "run ${run} did not end within 300 s"
        assert node.exitValue() == 0: "run ${run} failed:\n${log.text}"
        assert log.text.contains('Tests run: 7, Failures: 0, Errors: 0, Skipped: 0'): log.text
        assert !log.text.contains(secret)
        // The server saves its history when a run finishes, before the nodes' last replies.
        assert serveLog.text.count(' finished: 7 classes') == run: serveLog.text
    }
} finally {
    serve.destroy()
    if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly()
    }
}

assert new File(data, 'fast-ci.db').isFile(): 'the server keeps its history in its store'

List<String> builds = new File(basedir, 'target/contexts.log').readLines()
List<String> second = builds.findAll { it.startsWith('2 ') }
println "remote-contexts: run 1 built ${builds.count { it.startsWith('1 ') }} contexts, run 2 built ${second.size()}: ${builds}"
assert builds.count { it.startsWith('1 ') } >= 2: builds
assert second.collect { it.split(' ')[1] } as Set == ['A', 'B'] as Set: builds
// Four would be each node building both. Three at most: a node takes another's context only when nothing else is left.
assert second.size() <= 3: "run 2 built a context in every node: ${builds}"
return true
