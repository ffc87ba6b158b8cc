import groovy.json.JsonSlurper

def timings = new JsonSlurper().parse(new File(basedir, 'target/fast-ci/timings.json'))
def contextOf = { String simple -> def e = timings["com.example.contexts.${simple}"]; e instanceof Map ? e.context : null }
assert ['A1Test', 'A2Test', 'A3Test'].collect(contextOf).unique().size() == 1 : timings
assert ['B1Test', 'B2Test', 'B3Test'].collect(contextOf).unique().size() == 1 : timings
assert contextOf('A1Test') ==~ /spring:[0-9a-f]{12}/ : timings
assert contextOf('A1Test') != contextOf('B1Test') : timings
assert contextOf('PlainTest') == null : "a class without Spring has no context: ${timings}"

// Each line: run, context, the JVM that built it.
List<String> builds = new File(basedir, 'target/contexts.log').readLines()
List<String> second = builds.findAll { it.startsWith('2 ') }
println "spring-contexts: run 1 built ${builds.count { it.startsWith('1 ') }} contexts, run 2 built ${second.size()}: ${builds}"
assert second.collect { it.split(' ')[1] } as Set == ['A', 'B'] as Set : builds
// Four would be each fork building both. Three at most: a fork takes another's context only when nothing else is left.
assert second.size() <= 3 : "run 2 built a context in every fork: ${builds}"

String log = new File(basedir, 'build.log').text
assert log.count('Tests run: 7, Failures: 0, Errors: 0, Skipped: 0') == 2 : 'both runs ran all 7 classes'
