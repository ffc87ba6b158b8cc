// skipAfterFailureCount=1: after AFailTest's failure no class ran; B, C and D each have a report with both tests
// skipped ("Execution cancelled", the JUnit Platform's words for the tests of a cancelled run), the summary counts
// them as Surefire does, and the build fails for the failure.
String log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 8, Failures: 1, Errors: 0, Skipped: 6')
assert log.contains('BUILD FAILURE')
assert !log.contains('skipAfterFailureCount=1: not applied yet') : 'skipAfterFailureCount is applied'

def ran = new File(basedir, 'target/ran').list() as Set
assert ran == ['AFailTest'] as Set : "only the failing class ran: ${ran}"

['BPassTest', 'CPassTest', 'DPassTest'].each { cls ->
    File report = new File(basedir, "target/surefire-reports/TEST-com.example.stop.${cls}.xml")
    assert report.isFile() : "no report for ${cls}"
    String xml = report.text
    assert xml.contains('tests="2"') && xml.contains('skipped="2"') : xml
    assert xml.count('<skipped message="Execution cancelled"/>') == 2 : xml
    assert log.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 2, Time elapsed") : 'no line for a skipped class'
}
return true
