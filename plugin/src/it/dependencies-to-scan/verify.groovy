import groovy.xml.XmlSlurper

// app ran core's tests from core's test-jar, chosen with app's excludes, then with -Dtest; core ran none itself.
String log = new File(basedir, 'build.log').text
List<String> builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.\s*$/).findAll { it.contains('BUILD ') }
assert builds.size() == 2 : "expected 2 builds in the log, found ${builds.size()}"
builds.each { assert it.contains('BUILD SUCCESS') }

/** classname#method of every test a run of app reported. */
Set<String> ran(String run) {
    Set<String> tests = [] as Set
    new File(basedir, "app/target/reports-${run}").listFiles()
            .findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
            .each { file ->
                new XmlSlurper().parse(file).testcase.each { tests << "${it.@classname.text()}#${it.@name.text()}".toString() }
            }
    return tests
}

assert new File(basedir, 'core/target/dts-core-1.0-tests.jar').isFile()
assert !new File(basedir, 'core/target/reports-all').exists()
assert ran('all') == ['com.example.app.AppTest#starts', 'com.example.core.CoreTest#parses',
                      'com.example.core.CoreTest#formats'] as Set
assert builds[0] =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s -- in com\.example\.core\.CoreTest/
assert ran('slow') == ['com.example.core.SlowCoreTest#crunches'] as Set
