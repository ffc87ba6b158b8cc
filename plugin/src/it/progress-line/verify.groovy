// Two runs in one build.log: with the progress line, then with -DfastCi.progress=false.
String log = new File(basedir, 'build.log').text
int second = log.indexOf('-DfastCi.progress=false')
if (second < 0) {
    // The invoker's log may not echo the goals: the second run starts at the second 'FastCI local run:'.
    second = log.indexOf('FastCI local run:', log.indexOf('FastCI local run:') + 1)
}
assert second > 0 : 'two runs in the log'
String on = log.substring(0, second)
String off = log.substring(second)

def lines = (on =~ /(?m)^\[INFO\] fast-ci progress: (\d+)\/2 classes, \d+ failed tests?, \d+ forks? active, \d+:\d\d elapsed, .*$/)
        .collect { it[0] }
assert lines.size() >= 1 : "a 5 s class shows progress:\n${on}"
assert lines.size() <= 4 : "at most one line every 2 s:\n${lines.join('\n')}"
// Each line comes while the run goes on: before the summary.
assert on.indexOf('fast-ci progress:') < on.indexOf('Results:')

assert !off.contains('fast-ci progress:') : 'none with -DfastCi.progress=false'
assert off.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
