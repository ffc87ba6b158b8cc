import groovy.json.JsonSlurper

// Four runs of one fork: the order each ran its classes in, three classes each.
List<String> runs = new File(basedir, 'target/runs.log').readLines()
assert runs.size() == 12 : runs
assert runs[3..5] == ['CBrokenTest', 'ASlowTest', 'BMediumTest'] : "run 2: what failed in run 1 first: ${runs}"
assert runs[6..8] == ['CBrokenTest', 'ASlowTest', 'BMediumTest'] : "run 3: what failed in run 2 first: ${runs}"
assert runs[9..11] == ['ASlowTest', 'BMediumTest', 'CBrokenTest'] : "run 4: it passed in run 3, longest first: ${runs}"

String log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 3, Failures: 1') : 'runs 1 and 2 report the failure'

def timings = new JsonSlurper().parse(new File(basedir, 'target/fast-ci/timings.json'))
assert timings['com.example.order.CBrokenTest'] instanceof Number : "it passed last: a plain duration: ${timings}"
