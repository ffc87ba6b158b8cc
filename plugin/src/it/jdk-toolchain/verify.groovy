import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def suite = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-com.example.toolchain.ToolchainTest.xml'))
assert suite.@tests.text() as int == 1
assert suite.@failures.text() as int == 0
assert suite.@errors.text() as int == 0
String version = new File(basedir, 'expected-version.txt').text
assert log.contains("version=${version}") : "the fork ran on the toolchain's JDK ${version}"
