// Two builds in one build.log: the first runs fast-ci and saves to the cache, the second restores from it.
String log = new File(basedir, 'build.log').text
int second = log.indexOf('Found cached build, restoring ci.fast.it:core-extension-build-cache from cache')
assert second > 0 : 'the second build did not restore the module from the build cache'
String first = log.substring(0, second)
String restored = log.substring(second)

assert first.contains('[INFO] fast-ci runs in place of Surefire and Failsafe in 1 execution:')
assert first =~ /(?m)^\[INFO\] --- fast-ci:[^:]+:test \(default-test\) @ core-extension-build-cache ---$/
assert first.contains('[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert first.contains('Saved Build to local file')
assert !first.contains('--- surefire:')

assert restored.contains('[INFO] Skipping plugin execution (cached): fast-ci:test')
assert !restored.contains('--- fast-ci:')
assert restored.contains('[INFO] BUILD SUCCESS')
assert new File(basedir, 'target/core-extension-build-cache-1.0.jar').isFile() : 'the cache restored the jar'
