import groovy.xml.XmlSlurper

// The tests, not this script, check the class loaders; here: they all ran and passed (no vacuous success).
String log = new File(basedir, 'build.log').text
File reports = new File(basedir, 'target/surefire-reports')

assert log.contains('BUILD SUCCESS')
def suite = new XmlSlurper().parse(new File(reports, 'TEST-com.example.isolation.ClassLoaderIsolationTest.xml'))
assert suite.@tests.text() as int == 11
assert suite.@failures.text() as int == 0
assert suite.@errors.text() as int == 0
assert suite.@skipped.text() as int == 0
assert suite.testcase.size() == 11
assert suite.testcase.findAll { it.@name.text().startsWith('pluginDependencyIsNotVisible') }.size() == 8
assert log =~ /Tests run: 11, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s -- in com\.example\.isolation\.ClassLoaderIsolationTest/
int results = log.indexOf('Results:')
assert results >= 0
assert log.substring(results) =~ /(?m)^\[INFO\] Tests run: 11, Failures: 0, Errors: 0, Skipped: 0\s*$/
