// An undefined @{name} in argLine fails the build before any fork starts, with one line naming it and the fix,
// instead of a JVM that cannot start ("Could not find or load main class @{coverageAgent}").
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('argLine refers to @{coverageAgent}, which no property defines: define the property')
assert !log.contains('FastCI local run')
assert !log.contains('Could not find or load main class')
assert !new File(basedir, 'target/surefire-reports').exists()
true
