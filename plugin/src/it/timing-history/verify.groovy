import groovy.json.JsonSlurper

// Run 1 (Surefire) in its own order; runs 2 and 3 (fast-ci, one fork) longest first: from the reports' times, then
// from fast-ci's timings file.
List<String> runs = new File(basedir, 'target/runs.log').readLines()
assert runs.size() == 9 : runs
assert runs[0..2] as Set == ['AFastTest', 'BMediumTest', 'CSlowTest'] as Set
assert runs[3..5] == ['CSlowTest', 'BMediumTest', 'AFastTest'] : "first fast-ci run, from Surefire's reports: ${runs}"
assert runs[6..8] == ['CSlowTest', 'BMediumTest', 'AFastTest'] : "second fast-ci run, from the timings file: ${runs}"

def timings = new JsonSlurper().parse(new File(basedir, 'target/fast-ci/timings.json'))
assert timings.keySet() == ['com.example.timing.AFastTest', 'com.example.timing.BMediumTest',
                            'com.example.timing.CSlowTest'] as Set
assert timings['com.example.timing.CSlowTest'] >= 1.8
assert timings['com.example.timing.AFastTest'] < timings['com.example.timing.BMediumTest']
