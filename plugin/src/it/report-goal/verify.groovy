// fast-ci:test, then fast-ci:report in a second build: the report goal runs no test, and writes the same page (one
// lane per fork, at the times the run left in last-run.json), the Results section and GitHub's job summary again.
String log = new File(basedir, 'build.log').text
int report = log.indexOf(':report (default-cli) @ report-goal')
assert report > 0 : 'the second build ran fast-ci:report'
String test = log.substring(0, report)
String again = log.substring(report)
assert test.contains('BUILD FAILURE')
assert !again.contains('Running com.example.report') : 'the report goal runs no test'
assert again.contains('Results:')
assert again.contains('Tests run: 4, Failures: 1, Errors: 0, Skipped: 0')
assert again.contains('BetaTest.divides:') : again
assert again.contains('fast-ci timeline: file:')
assert again.contains('BUILD SUCCESS')

File record = new File(basedir, 'target/fast-ci/last-run.json')
assert record.isFile() : 'the run left its record'
def json = new groovy.json.JsonSlurper().parse(record)
assert json.forks == 2
assert json.classes.keySet() == ['com.example.report.AlphaTest', 'com.example.report.BetaTest',
        'com.example.report.GammaTest'] as Set
assert json.classes.values().collect { it.fork } as Set == [1, 2] as Set : json.classes

String page = new File(basedir, 'target/fast-ci/timeline.html').text
assert page.contains('<title>fast-ci timeline: report-again</title>') : 'the report goal wrote the page'
assert page.contains('data-fork="1"') && page.contains('data-fork="2"')
assert !page.contains('id="note"') : 'the lanes are where and when the classes ran'
['AlphaTest', 'BetaTest', 'GammaTest'].each { assert page.contains("com.example.report.$it") }
assert page.contains('4 run, 1 failed, 0 skipped, 0 flaky')

File summary = new File(basedir, 'step-summary.md')
assert summary.isFile() : 'only the report goal appends to it here'
String md = summary.text
assert md.startsWith('### \u274c fast-ci: report-again\n') : md
assert md.contains('| 4 | 3 | 1 | 0 | 0 |')
assert md.contains('- `com.example.report.BetaTest.divides`')
assert md =~ /on 2 forks/
