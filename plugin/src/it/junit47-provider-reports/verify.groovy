// The same JUnit 4 tests ran under Surefire 3.5.4's JUnit 4.7+ provider (excludedGroups makes Surefire take it) and
// fast-ci:test (through the Vintage engine): their reports must agree in everything but times, traces and host names.
def reports = evaluate(new File(itDirectory, 'report-comparison.groovy'))
File surefireDir = new File(basedir, 'target/surefire-reports')
File fastCiDir = new File(basedir, 'target/fast-ci-reports')
String log = new File(basedir, 'build.log').text

assert log.contains('Using auto detected provider org.apache.maven.surefire.junitcore.JUnitCoreProvider')
reports.compare(surefireDir, fastCiDir)

// A report for each class tests ran in, a suite's members and Enclosed inner classes; none for the suites.
def xml = reports.reportFiles(surefireDir).findAll { it.endsWith('.xml') }
assert xml.containsAll(['TEST-com.example.suites.AlphaChecks.xml', 'TEST-com.example.suites.EnclosingTest$WhenFull.xml',
                        'TEST-com.example.suites.LegacyOne.xml']) : xml
assert !xml.contains('TEST-com.example.suites.MembersTest.xml') && !xml.contains('TEST-com.example.suites.EnclosingTest.xml')
// The excluded category's test ran in neither.
[surefireDir, fastCiDir].each { dir ->
    def alpha = reports.parse(new File(dir, 'TEST-com.example.suites.AlphaChecks.xml'))
    assert !alpha.testcase*.@name*.text().contains('slow') : dir
}
true
