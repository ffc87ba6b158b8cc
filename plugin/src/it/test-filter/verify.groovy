import groovy.xml.XmlSlurper

// Seven builds with -Dtest in Surefire's syntax: each ran exactly the tests its pattern names, or failed with
// Surefire's one line when nothing matched; an eighth with an includesFile naming a class and a method.
String log = new File(basedir, 'build.log').text
List<String> builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.\s*$/).findAll { it.contains('BUILD ') }
assert builds.size() == 8 : "expected 8 builds in the log, found ${builds.size()}"

/** classname#method of every test a run reported. */
Set<String> ran(String run) {
    File reports = new File(basedir, "target/reports-${run}")
    if (!reports.isDirectory()) {
        return [] as Set
    }
    Set<String> tests = [] as Set
    reports.listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }.each { file ->
        new XmlSlurper().parse(file).testcase.each { tests << "${it.@classname.text()}#${it.@name.text()}".toString() }
    }
    return tests
}

String p = 'com.example.filter.'
assert ran('globs') == ["${p}AccountTest#deposits", "${p}AccountTest#withdrawals", "${p}AccountTest#startsAtZero",
                        "${p}LedgerTest#post", "${p}LedgerTest#close", "${p}LedgerTest#balance"].collect { it.toString() } as Set
assert ran('method') == ["${p}AccountTest#deposits".toString()] as Set
assert ran('plus') == ["${p}LedgerTest#post", "${p}LedgerTest#close"].collect { it.toString() } as Set
assert ran('regex') == ["${p}LedgerTest#balance", "${p}AccountTest#startsAtZero"].collect { it.toString() } as Set
assert ran('nomatch').isEmpty()
assert ran('nomethod').isEmpty()
assert ran('ignored').isEmpty()

['globs', 'method', 'plus', 'regex'].eachWithIndex { run, i ->
    assert builds[i].contains('BUILD SUCCESS') : "${run}: ${builds[i]}"
}
assert builds[1] =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s -- in com\.example\.filter\.AccountTest/
assert !builds[1].contains('LedgerTest')

assert builds[4].contains('BUILD FAILURE')
assert builds[4].contains('[ERROR] Failed to execute goal ci.fast:fast-ci-maven-plugin:')
assert builds[4].contains('No tests matching pattern "NoSuchTest" were executed! '
        + '(Set -Dsurefire.failIfNoSpecifiedTests=false to ignore this error.)')

// the class matches, none of its methods does: still nothing executed
assert builds[5].contains('BUILD FAILURE')
assert builds[5].contains('No tests matching pattern "AccountTest#nothing*" were executed! '
        + '(Set -Dsurefire.failIfNoSpecifiedTests=false to ignore this error.)')

assert builds[6].contains('BUILD SUCCESS')
assert builds[6].contains('No tests to run.')
assert !builds[6].contains('No tests matching pattern')

assert builds[7].contains('BUILD SUCCESS')
assert ran('file') == ["${p}AuditTest#audits", "${p}LedgerTest#balance"].collect { it.toString() } as Set
