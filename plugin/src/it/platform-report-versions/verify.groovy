// Each module's Surefire and fast-ci:test ran the same tests: their reports must agree in everything but times,
// timestamps, host names and stack-trace details, in the shape of that module's Surefire version.
def reports = evaluate(new File(itDirectory, 'report-comparison.groovy'))
def dirs = { String module -> ['surefire-reports', 'fast-ci-reports'].collect { new File(basedir, "$module/target/$it") } }
['provider-353', 'surefire-356', 'surefire-360'].each { module ->
    def (surefire, fastCi) = dirs(module)
    // A rerun class's text report: Surefire counts the last rerun only there (a difference the README names).
    reports.compare(surefire, fastCi, module == 'provider-353' ? [] : ['com.example.versions.FlakyTest.txt'])
}
def suite = { String module, String className ->
    reports.parse(new File(basedir, "$module/target/surefire-reports/TEST-com.example.versions.${className}.xml"))
}

// Surefire 3.5.4 with the 3.5.3 provider (easymock's pom): a report for each container, an Enclosed class's inner
// classes and a Suite's members too, each counting its own tests, classnames binary.
def files353 = reports.reportFiles(dirs('provider-353')[0]).findAll { it.endsWith('.xml') }
assert files353.containsAll(['TEST-com.example.versions.EnclosingTest$First.xml',
                             'TEST-com.example.versions.EnclosingTest$Second.xml',
                             'TEST-com.example.versions.AlphaChecks.xml',
                             'TEST-com.example.versions.NestingTest$Inner$Deeper.xml',
                             'TEST-com.example.versions.NestingTest$NamedInner.xml']) : files353
assert files353.size() == 15 : files353
assert reports.counts(suite('provider-353', 'NestingTest')).tests == 2
assert reports.counts(suite('provider-353', 'EnclosingTest$First')) == [tests: 2, failures: 1, errors: 0, skipped: 0, flakes: null]
// The 3.5.4 plugin names a testcase by its class's @DisplayName.
assert suite('provider-353', 'NamedTest').testcase.@classname.text() == 'A named suite'

// 3.5.6: one report per class, counting every testcase it lists (a @Nested class's too) and its flakes.
assert reports.counts(suite('surefire-356', 'NestingTest')) == [tests: 6, failures: 1, errors: 0, skipped: 0, flakes: 0]
assert reports.counts(suite('surefire-356', 'FlakyTest')) == [tests: 3, failures: 0, errors: 0, skipped: 0, flakes: 1]
assert suite('surefire-356', 'NestingTest').testcase.find { it.@name == 'named' }.@classname.text() == 'Named inner'

// 3.6.0: the same counts, and classnames are binary names again.
assert reports.counts(suite('surefire-360', 'MembersTest')).tests == 3
assert suite('surefire-360', 'NestingTest').testcase.find { it.@name == 'named' }.@classname.text() ==
        'com.example.versions.NestingTest$NamedInner'

// The summary's problem lines name a failed test by the class its report names it by, an Enclosed inner class's and a
// @Nested class's own with the 3.5.3 provider, as Surefire's.
String log = new File(basedir, 'build.log').text
def section = { String from, String to ->
    int start = log.indexOf(from)
    assert start >= 0 : from
    log.substring(start, log.indexOf(to, start))
}
def problems = { String part -> (part =~ /(?m)^\[ERROR\]   (\S.*)$/).collect { it[1] }.sort() }
def surefire353 = problems(section('--- surefire:3.5.4:test (default-test) @ provider-353', '--- fast-ci:'))
def fastCi353 = problems(section(log.find(/--- fast-ci:\S+:test \(default\) @ provider-353/), '--- jar:'))
assert fastCi353 == surefire353
assert surefire353.contains('NestingTest$Inner.innerFails:8 inner')
true
