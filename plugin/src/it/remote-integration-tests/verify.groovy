import groovy.xml.XmlSlurper
import java.util.concurrent.TimeUnit

// Two CI machines run `mvn verify` at once against one fast-ci:serve, each on its own checkout: the unit tests are
// one run and the integration tests another (run key it-<artifactId>), and each class runs once across the nodes.
File mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
String secret = 'it-secret-' + UUID.randomUUID()
String buildId = 'b-' + UUID.randomUUID()
int port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def units = (1..4).collect { "com.example.nodes.Unit${it}Test".toString() } as Set
def its = (1..6).collect { "com.example.nodes.Part${it}IT".toString() } as Set

// Offline, on what the invoker build resolved; the origin of the plugins is not tracked without the invoker's
// settings (a tracking file that does not exist).
def command = { File pom, List<String> goals ->
    [mvn.path, '-B', '-o', "-Dmaven.repo.local=${localRepositoryPath}".toString(),
     '-Daether.enhancedLocalRepository.trackingFilename=fast-ci-none', '-f', pom.path] + goals
}
def start = { List<String> cmd, File log, Map<String, String> env ->
    def builder = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).redirectOutput(log)
    builder.environment().putAll(env)
    builder.start()
}
def finish = { Process p, String what ->
    assert p.waitFor(300, TimeUnit.SECONDS): "${what} did not end within 300 s"
    p.exitValue()
}
// Each node its own checkout, as on two machines.
def checkout = { String name ->
    File copy = new File(basedir, "node-${name}")
    ['pom.xml', 'src'].each { top ->
        java.nio.file.Path from = basedir.toPath().resolve(top)
        java.nio.file.Files.walk(from).withCloseable { paths ->
            paths.each { path ->
                java.nio.file.Path to = copy.toPath().resolve(basedir.toPath().relativize(path))
                if (java.nio.file.Files.isDirectory(path)) {
                    java.nio.file.Files.createDirectories(to)
                } else {
                    java.nio.file.Files.createDirectories(to.parent)
                    java.nio.file.Files.copy(path, to)
                }
            }
        }
    }
    copy
}

File serveLog = new File(basedir, 'serve.log')
Process serve = start(command(new File(basedir, 'pom.xml'),
        ['ci.fast:fast-ci-maven-plugin:serve', "-DfastCi.port=${port}".toString(),
        "-DfastCi.dataDir=${new File(basedir, 'target/serve-data')}".toString()]), serveLog, [FAST_CI_SECRET_KEY: secret])
try {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
    while (!serveLog.text.contains('FastCI orchestrator listening')) {
        assert serve.alive: "fast-ci:serve stopped:\n${serveLog.text}"
        assert System.nanoTime() < deadline: "fast-ci:serve did not start:\n${serveLog.text}"
        serve.waitFor(200, TimeUnit.MILLISECONDS)
    }
    Map<String, String> env = [FAST_CI_SECRET_KEY: secret, FAST_CI_BUILD_ID: buildId, FAST_CI_COMMIT: 'abc123',
                               FAST_CI_BRANCH: 'main']
    def nodes = ['a', 'b'].collect { name ->
        File dir = checkout(name)
        File log = new File(basedir, "node-${name}.log")
        [name: name, dir: dir, log: log, process: start(command(new File(dir, 'pom.xml'),
                ['verify', "-DfastCi.server=ws://127.0.0.1:${port}".toString()]), log, env)]
    }
    def ran = { File reports ->
        (reports.list() ?: []).findAll { it.startsWith('TEST-') && it.endsWith('.xml') }
                .collect { it.substring(5, it.length() - 4) } as Set
    }
    def unitsRan = [:]
    def itsRan = [:]
    nodes.each { node ->
        int exit = finish(node.process, "node ${node.name}")
        String text = node.log.text
        assert exit == 0: "node ${node.name} failed:\n${text}"
        assert text.contains('BUILD SUCCESS')
        unitsRan[node.name] = ran(new File(node.dir, 'target/surefire-reports'))
        itsRan[node.name] = ran(new File(node.dir, 'target/failsafe-reports'))
        itsRan[node.name].each { cls ->
            def suite = new XmlSlurper().parse(new File(node.dir, "target/failsafe-reports/TEST-${cls}.xml"))
            assert suite.@tests.text() as int == 1 && suite.@failures.text() as int == 0: "${cls} on ${node.name}"
        }
        // Each node's summary counts what it ran.
        def summary = new XmlSlurper().parse(new File(node.dir, 'target/failsafe-reports/failsafe-summary.xml'))
        assert summary.completed.text() as int == itsRan[node.name].size()
        assert !text.contains(secret): "node ${node.name} printed the secret"
    }
    [[unitsRan, units, 'unit test'], [itsRan, its, 'integration test']].each { ranOn, all, what ->
        assert ranOn.a.intersect(ranOn.b).isEmpty(): "${what} classes ran on both nodes: ${ranOn.a.intersect(ranOn.b)}"
        assert (ranOn.a + ranOn.b) == all: "not every ${what} class ran once: a=${ranOn.a} b=${ranOn.b}"
    }
    // No integration test among the unit tests' run, and the other way round.
    assert (unitsRan.a + unitsRan.b).every { it.endsWith('Test') }
    println "remote-integration-tests: unit tests a=${unitsRan.a.size()} b=${unitsRan.b.size()}, " +
            "integration tests a=${itsRan.a.size()} b=${itsRan.b.size()}"

    // Two runs on the server: the unit tests' under junit-<artifactId>, the integration tests' under it-<artifactId>.
    String serveText = serveLog.text
    assert serveText =~ /run test_orchestrator:junit-remote-integration-tests-${buildId} finished: 4 classes, 0 duplicate results/
    assert serveText =~ /run test_orchestrator:it-remote-integration-tests-${buildId} finished: 6 classes, 0 duplicate results/
} finally {
    serve.destroy()
    if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly()
    }
}
return true
