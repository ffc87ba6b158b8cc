// An additionalClasspathDependency no repository has fails the build before any fork starts, with one line naming
// it and what to check.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def line = log.readLines().find { it.contains('additionalClasspathDependencies: ci.fast.it:no-such-artifact:jar:9.9 cannot be resolved (') }
assert line != null
assert line.contains('check its coordinates and the project\'s repositories')
assert !log.contains('FastCI local run')
assert !new File(basedir, 'target/surefire-reports').exists()
true
