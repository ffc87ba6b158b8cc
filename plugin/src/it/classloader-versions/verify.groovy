import groovy.xml.XmlSlurper

// The project's older jakarta.json-api, Parsson and Tyrus are the ones its tests load, and they work.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

String cls = 'com.example.versions.OwnVersionsTest'
def suite = new XmlSlurper().parse(new File(basedir, "target/surefire-reports/TEST-${cls}.xml"))
assert suite.@tests.text() as int == 3
assert suite.@failures.text() as int == 0
assert suite.@errors.text() as int == 0
