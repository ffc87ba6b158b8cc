import groovy.xml.XmlSlurper

// Every test of ForkConfigurationTest checks one fork setting from the pom or the command line; all must pass.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

String cls = 'com.example.forkjvm.ForkConfigurationTest'
def suite = new XmlSlurper().parse(new File(basedir, "target/surefire-reports/TEST-${cls}.xml"))
assert suite.@tests.text() as int == 8
assert suite.@failures.text() as int == 0
assert suite.@errors.text() as int == 0
assert suite.@skipped.text() as int == 0

// The working directory was created for the forks, and a relative path written by a test landed in it.
assert new File(basedir, 'target/work/written-by-test.txt').text == 'relative paths resolve against workingDirectory'

// redirectTestOutputToFile: the output is in its own file and the XML report, not on the console.
String output = new File(basedir, "target/surefire-reports/${cls}-output.txt").text
assert output.contains('printed by ForkConfigurationTest to stdout')
assert output.contains('printed by ForkConfigurationTest to stderr')
assert !log.contains('printed by ForkConfigurationTest')
assert new File(basedir, "target/surefire-reports/TEST-${cls}.xml").text.contains('printed by ForkConfigurationTest to stdout')
