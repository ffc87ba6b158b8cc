import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'the build failed: see build.log'
def suite = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-com.example.platform.ConfigurationTest.xml'))
assert suite.@tests.text() as int == 3
assert suite.@failures.text() as int == 0
assert suite.@errors.text() as int == 0

// One JUnit Platform session per fork, opened once and closed once, however many batches the fork ran.
def sessions = new File(basedir, 'target/sessions').listFiles()
assert sessions != null && sessions.length >= 1
sessions.each { f -> assert f.readLines() == ['opened', 'closed'] : "${f.name}: ${f.readLines()}" }
println "platform-configuration: ${sessions.length} fork(s), one session each"
