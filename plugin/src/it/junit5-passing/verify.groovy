import groovy.xml.XmlSlurper
import java.util.regex.Pattern

// All pass: one Surefire-format XML and text report per class, per-class console lines, the summary.
String log = new File(basedir, 'build.log').text
File reports = new File(basedir, 'target/surefire-reports')

def expected = [
        'com.example.calc.AdderTest'   : [tests: 3, skipped: 0],
        'com.example.calc.ParityTest'  : [tests: 5, skipped: 0],
        'com.example.calc.NegationTest': [tests: 2, skipped: 1],
        'com.example.calc.SubtractionTest': [tests: 1, skipped: 0],
]
// FixturesTest and AbstractOperationTest match the name pattern but hold no test of their own: as under Surefire,
// neither has a report or a console line, and nothing is counted for them.
['FixturesTest', 'AbstractOperationTest'].each {
    assert !log.contains("com.example.calc.${it}") : "${it} was reported"
}

def xmlNames = reports.list().findAll { it.startsWith('TEST-') && it.endsWith('.xml') } as Set
assert xmlNames == expected.keySet().collect { "TEST-${it}.xml".toString() } as Set

expected.each { String cls, Map c ->
    def suite = new XmlSlurper().parse(new File(reports, "TEST-${cls}.xml"))
    assert suite.name() == 'testsuite'
    assert suite.@name.text() == cls
    assert suite.@tests.text() as int == c.tests
    assert suite.@failures.text() as int == 0
    assert suite.@errors.text() as int == 0
    assert suite.@skipped.text() as int == c.skipped
    def cases = suite.testcase
    assert cases.size() == c.tests
    assert cases.every { it.@classname.text() == cls }
    assert cases.collect { it.@name.text() }.unique().size() == c.tests : "test names collide in ${cls}"
    assert cases.findAll { it.skipped.size() > 0 }.size() == c.skipped
    assert cases.every { it.failure.size() == 0 && it.error.size() == 0 }

    String txt = new File(reports, "${cls}.txt").text
    assert txt.contains(cls)
    assert txt.contains("Tests run: ${c.tests}, Failures: 0, Errors: 0, Skipped: ${c.skipped}")

    def classLine = ~("Tests run: ${c.tests}, Failures: 0, Errors: 0, Skipped: ${c.skipped}, "
            + "Time elapsed: [0-9.]+ s -- in " + Pattern.quote(cls))
    assert classLine.matcher(log).find() : "no console line for ${cls}"
}

def parity = new XmlSlurper().parse(new File(reports, 'TEST-com.example.calc.ParityTest.xml'))
assert parity.testcase.findAll { it.@name.text().startsWith('evenNumbersAreEven') }.size() == 4

def disabled = new XmlSlurper().parse(new File(reports, 'TEST-com.example.calc.NegationTest.xml'))
        .testcase.find { it.@name.text().startsWith('negatesMinValue') }
assert disabled.skipped.size() == 1

int results = log.indexOf('Results:')
assert results >= 0
assert log.substring(results) =~ /(?m)^\[(?:INFO|WARNING)\] Tests run: 11, Failures: 0, Errors: 0, Skipped: 1\s*$/
assert log.contains('BUILD SUCCESS')
