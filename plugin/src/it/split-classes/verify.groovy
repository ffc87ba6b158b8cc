import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

// Run 1 ran the dominant class whole on one fork; run 2 ran it in parts, on both forks; one report with all of it.
List<String> lines = new File(basedir, 'target/dominant.log').readLines().findAll { !it.isBlank() }
def run1 = lines.findAll { it.startsWith('1 ') }
def run2 = lines.findAll { it.startsWith('2 ') }
assert run1.size() == 6 : lines
assert run2.size() == 6 : lines
assert run1.collect { it.split(' ')[2] }.unique().size() == 1 : "run 1 ran the class whole: ${run1}"
assert run2.collect { it.split(' ')[2] }.unique().size() == 2 : "run 2 ran its parts on both forks: ${run2}"
assert run2.collect { it.split(' ')[1] } as Set == ['alpha', 'bravo', 'charlie', 'delta', 'echo'] as Set

File reports = new File(basedir, 'target/surefire-reports')
def xmlNames = reports.list().findAll { it.startsWith('TEST-') } as Set
assert xmlNames == ['TEST-com.example.split.DominantTest.xml', 'TEST-com.example.split.Short1Test.xml',
                    'TEST-com.example.split.Short2Test.xml', 'TEST-com.example.split.Short3Test.xml'] as Set
def suite = new XmlSlurper().parse(new File(reports, 'TEST-com.example.split.DominantTest.xml'))
assert suite.@name.text() == 'com.example.split.DominantTest'
assert suite.@tests.text() as int == 6
assert suite.testcase.size() == 6
assert suite.testcase.collect { it.@name.text() } as Set ==
        ['alpha', 'bravo', 'charlie', 'delta', 'echo(int)[1]', 'echo(int)[2]'] as Set
assert suite.@time.text() as double >= 2.5 : 'its time is its parts\' added up'
assert !reports.list().any { it.contains('#') } : reports.list()

def timings = new JsonSlurper().parse(new File(basedir, 'target/fast-ci/timings.json'))
assert timings.keySet() == ['com.example.split.DominantTest', 'com.example.split.Short1Test',
                            'com.example.split.Short2Test', 'com.example.split.Short3Test'] as Set
assert timings['com.example.split.DominantTest'].methods.keySet() ==
        ['alpha', 'bravo', 'charlie', 'delta', 'echo'] as Set
assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS')
