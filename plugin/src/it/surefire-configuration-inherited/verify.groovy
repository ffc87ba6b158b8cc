import groovy.xml.XmlSlurper

// fast-ci ran the tests with Surefire's configuration: the tests check each value; here, what they cannot see.
String log = new File(basedir, 'build.log').text
File reports = new File(basedir, 'target/fast-ci-reports')

assert !log.contains('--- surefire:') : 'Surefire ran: its default-test was unbound'
// Its reportsDirectory is fast-ci's own, and the includes left LeftOutTest out.
assert !new File(basedir, 'target/not-fast-ci-reports').exists()
assert reports.list().findAll { it.startsWith('TEST-') } == ['TEST-com.example.inherit.InheritedCheck.xml']
def suite = new XmlSlurper().parse(new File(reports, 'TEST-com.example.inherit.InheritedCheck.xml'))
assert suite.@tests.text() as int == 5
assert suite.@failures.text() as int == 0
assert suite.@errors.text() as int == 0

// Once, which were taken: not the switches, not what fast-ci's execution sets.
def lines = (log =~ /(?m)^\[INFO\] fast-ci takes maven-surefire-plugin's configuration \(execution default-test\): (.+)$/)
        .collect { it[1] }
assert lines.size() == 1 : "expected one line naming what was taken, got ${lines}"
def taken = lines[0].split(', ') as Set
assert taken == ['includes', 'systemPropertyVariables', 'environmentVariables', 'enableAssertions', 'argLine'] as Set
