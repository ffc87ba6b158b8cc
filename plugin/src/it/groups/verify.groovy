import groovy.xml.XmlSlurper

// Four builds selecting by JUnit 5 tag, by JUnit 4 category, by exclusion, and by a tag expression.
String log = new File(basedir, 'build.log').text
List<String> builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.\s*$/).findAll { it.contains('BUILD ') }
assert builds.size() == 4 : "expected 4 builds in the log, found ${builds.size()}"
builds.each { assert it.contains('BUILD SUCCESS') }

/** simple class name#method of every test a run reported. */
Set<String> ran(String run) {
    Set<String> tests = [] as Set
    new File(basedir, "target/reports-${run}").listFiles()
            .findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
            .each { file ->
                new XmlSlurper().parse(file).testcase.each {
                    tests << "${it.@classname.text() - 'com.example.groups.'}#${it.@name.text()}".toString()
                }
            }
    return tests
}

assert ran('tag') == ['CheckoutTest#quickTotal'] as Set
assert ran('category') == ['LegacyReportTest#nightlyReport'] as Set
assert ran('excluded') == ['CheckoutTest#quickTotal', 'CheckoutTest#plain', 'LegacyReportTest#legacyPlain'] as Set
assert ran('expression') == ['CheckoutTest#quickTotal', 'LegacyReportTest#summary'] as Set
assert builds[1] =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s -- in com\.example\.groups\.LegacyReportTest/
assert !builds[1].contains('-- in com.example.groups.CheckoutTest')
