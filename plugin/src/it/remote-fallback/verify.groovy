import java.util.concurrent.TimeUnit

// No server where fastCi.server points: two nodes of one build each fall back to a local run of their share, loudly,
// and together run every class once; a node on a CI retry refuses to fall back and fails with one line.
File mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
String secret = 'it-secret-' + UUID.randomUUID()
int port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def classes = ['Alpha', 'Beta', 'Delta', 'Gamma'].collect { "com.example.fallback.${it}Test".toString() } as Set

def start = { String name, Map<String, String> env ->
    File log = new File(basedir, "${name}.log")
    def cmd = [mvn.path, '-B', "-Dmaven.repo.local=${localRepositoryPath}".toString(), '-f',
               new File(basedir, 'pom.xml').path, 'ci.fast:fast-ci-maven-plugin:test',
               "-DfastCi.server=ws://127.0.0.1:${port}".toString(),
               "-DnodeReports=${new File(basedir, "target/reports-${name}")}".toString()]
    def builder = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).redirectOutput(log)
    // This build may itself run on a CI: its variables (a retry attempt, a node index) must not leak into the nodes.
    builder.environment().keySet().removeIf { it ==~ /(CI|GITHUB_.*|GITLAB_CI|CI_.*|CIRCLE.*|BUILDKITE.*|TF_BUILD|SYSTEM_.*|JENKINS_URL|BITBUCKET_.*|TRAVIS|TEAMCITY_VERSION|SEMAPHORE)/ }
    builder.environment().putAll([FAST_CI_SECRET_KEY: secret, FAST_CI_BUILD_ID: 'it-fallback', FAST_CI_COMMIT: 'abc123',
                                  FAST_CI_BRANCH: 'main'] + env)
    [name: name, log: log, process: builder.start()]
}
def finish = { node ->
    assert node.process.waitFor(180, TimeUnit.SECONDS): "${node.name} did not end within 180 s"
    [exit: node.process.exitValue(), text: node.log.text]
}
def reported = { String name ->
    (new File(basedir, "target/reports-${name}").list() ?: []).findAll { it.startsWith('TEST-') && it.endsWith('.xml') }
            .collect { it.substring(5, it.length() - 4) } as Set
}

def nodes = [start('node-1', [FAST_CI_NODE_INDEX: '0', FAST_CI_NODE_TOTAL: '2']),
             start('node-2', [FAST_CI_NODE_INDEX: '1', FAST_CI_NODE_TOTAL: '2']),
             start('retry', [GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '2', GITHUB_SHA: 'abc123',
                             GITHUB_REF_NAME: 'main'])]
def results = nodes.collectEntries { [(it.name): finish(it)] }

['node-1', 'node-2'].each { name ->
    def r = results[name]
    assert r.exit == 0: "${name} failed:\n${r.text}"
    assert r.text.contains('[WARNING] FastCI FALLBACK: cannot connect to ws://127.0.0.1:'): r.text
    assert r.text.contains('connection refused')
    assert r.text.contains("2 of 4 test classes, the share of node ${name[-1]} of 2")
    assert !r.text.contains(secret): "${name} printed the secret"
}
assert reported('node-1') == ['com.example.fallback.AlphaTest', 'com.example.fallback.DeltaTest'] as Set
assert reported('node-2') == ['com.example.fallback.BetaTest', 'com.example.fallback.GammaTest'] as Set
assert reported('node-1') + reported('node-2') == classes

def retry = results['retry']
assert retry.exit == 1: retry.text
assert retry.text.contains('no local fallback on a CI retry'): retry.text
assert !retry.text.contains('FastCI FALLBACK')
assert reported('retry').isEmpty()
assert !retry.text.contains(secret)
println "remote-fallback: node 1 ran ${reported('node-1').size()} classes, node 2 ran ${reported('node-2').size()}; the retry refused"
return true
