// On GitHub Actions: one ::error workflow command per failed test, at the start of its own line, with the file and
// line the stack trace names; and the run's summary appended to $GITHUB_STEP_SUMMARY (here step-summary.md).
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')

def commands = log.readLines().findAll { it.startsWith('::error ') }
assert commands.size() == 2 : commands.join('\n')
assert commands.contains('::error file=src/test/java/com/example/bank/AccountTest.java,line=25,'
        + 'title=com.example.bank.AccountTest.withdrawalsSubtract::org.opentest4j.AssertionFailedError: '
        + 'balance after withdrawal ==> expected: <70> but was: <85>') : commands.join('\n')
def ledger = commands.find { it.contains('title=com.example.bank.LedgerTest.postingToClosedLedgerFails') }
assert ledger =~ /^::error file=src\/test\/java\/com\/example\/bank\/LedgerTest\.java,line=\d+,title=/ : ledger
assert ledger.contains('ledger is closed')

File summary = new File(basedir, 'step-summary.md')
assert summary.isFile()
String md = summary.text
assert md.startsWith('### \u274c fast-ci: junit-github-summary\n')
assert md.contains('| 5 | 3 | 2 | 0 | 0 |')
assert md.contains('#### Failed tests')
assert md.contains('- `com.example.bank.AccountTest.withdrawalsSubtract`')
assert md.contains('#### Slowest classes')
assert md =~ /Makespan \*\*[0-9.]+ m?s\*\* against a bound of [0-9.]+ m?s \([0-9.]+×\) on 1 fork/

// On GitLab CI: the timeline's path as the artifact the job keeps.
assert log.contains('fast-ci timeline: to see it from the pipeline, keep it as an artifact in .gitlab-ci.yml:'
        + ' artifacts: {when: always, expose_as: "fast-ci timeline", paths: ["target/fast-ci/timeline.html"]}') : log
