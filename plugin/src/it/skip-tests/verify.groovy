// skipTests: the tests are compiled, none runs, no report is written, the build succeeds.
String log = new File(basedir, 'build.log').text

assert log.contains('BUILD SUCCESS')
assert log.contains('Tests are skipped.')
assert new File(basedir, 'target/test-classes/com/example/skip/NeverRunTest.class').isFile()
assert !new File(basedir, 'target/surefire-reports').exists()
assert !(log =~ /Tests run: \d+/)
assert !log.contains('FastCI local run')
