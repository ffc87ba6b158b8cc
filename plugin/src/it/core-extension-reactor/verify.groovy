// Two builds of the same reactor, in one build.log: fast-ci through the core extension, then Surefire.
String log = new File(basedir, 'build.log').text
String off = '[INFO] fast-ci: fastCi.enabled=false, so Surefire runs the tests of this build.'
int second = log.indexOf(off)
assert second > 0 : 'the second build did not turn fast-ci off'
String withFastCi = log.substring(0, second)
String withSurefire = log.substring(second)

// The poms name no fast-ci plugin.
['pom.xml', 'alpha/pom.xml', 'beta/pom.xml', 'gamma/pom.xml', 'delta/pom.xml'].each {
    assert !new File(basedir, it).text.contains('fast-ci-maven-plugin') : "${it} names the plugin"
}

// One line says what was replaced; fast-ci ran each module's tests at the phase Surefire's execution had.
assert withFastCi.contains('[INFO] fast-ci runs in place of Surefire and Failsafe in 5 executions: '
        + 'alpha (default-test), beta (default-test), gamma (default-test), delta (default-test), '
        + 'delta (failsafe default) (-DfastCi.enabled=false runs them).')
assert !withFastCi.contains('--- surefire:')
['alpha', 'beta', 'gamma'].each {
    assert withFastCi =~ /(?m)^\[INFO\] --- fast-ci:[^:]+:test \(default-test\) @ ${it} ---$/
}
// With the module's configuration: alpha's includes and properties (its tests check them), beta's defaults.
assert withFastCi.contains("[INFO] fast-ci takes maven-surefire-plugin's configuration (execution default-test): includes, systemPropertyVariables")
def running = { String part -> (part =~ /(?m)^\[INFO\] Running (\S+)$/).collect { it[1] } }
assert running(withFastCi) == ['com.example.alpha.AlphaSpec', 'com.example.beta.BetaTest', 'com.example.delta.DeltaTest',
        'com.example.delta.DeltaIT']
// delta's Failsafe execution: fast-ci's integration-test and verify in its place, with its configuration.
assert withFastCi =~ /(?m)^\[INFO\] --- fast-ci:[^:]+:integration-test \(default\) @ delta ---$/
assert withFastCi =~ /(?m)^\[INFO\] --- fast-ci:[^:]+:verify \(default\) @ delta ---$/
assert withFastCi.contains("[INFO] fast-ci takes maven-failsafe-plugin's configuration (execution default): systemPropertyVariables")
assert new File(basedir, 'delta/target/failsafe-reports/failsafe-summary.xml').isFile()
// gamma's skipTests, a switch, is taken where fast-ci stands in for Surefire: its tests stay off.
assert withFastCi =~ /(?s)--- fast-ci:[^:]+:test \(default-test\) @ gamma ---\s+\[INFO\] fast-ci takes maven-surefire-plugin's configuration \(execution default-test\): skipTests\s+\[INFO\] Tests are skipped\./
assert withFastCi.contains('[INFO] BUILD SUCCESS')

// -DfastCi.enabled=false: Surefire, as the poms say.
assert !withSurefire.contains('--- fast-ci:')
['alpha', 'beta', 'gamma'].each {
    assert withSurefire =~ /(?m)^\[INFO\] --- surefire:3\.5\.4:test \(default-test\) @ ${it} ---$/
}
assert running(withSurefire) == ['com.example.alpha.AlphaSpec', 'com.example.beta.BetaTest', 'com.example.delta.DeltaTest',
        'com.example.delta.DeltaIT']
assert withSurefire =~ /(?m)^\[INFO\] --- failsafe:3\.5\.4:integration-test \(default\) @ delta ---$/
assert withSurefire.contains('[INFO] BUILD SUCCESS')
