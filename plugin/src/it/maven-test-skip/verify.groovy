// maven.test.skip: the tests are not compiled and not run, no report is written, the build succeeds.
String log = new File(basedir, 'build.log').text

assert log.contains('BUILD SUCCESS')
// Maven 3.9 names the goal by prefix (fast-ci:VERSION:test), older Maven by artifactId.
assert log =~ /(?s)--- fast-ci(-maven-plugin)?:[^:]+:test .*?Tests are skipped\./
assert !new File(basedir, 'target/test-classes/com/example/skip/NeverCompiledTest.class').exists()
assert !new File(basedir, 'target/surefire-reports').exists()
assert !(log =~ /Tests run: \d+/)
