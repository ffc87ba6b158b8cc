import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// Every check of AlphaTest passed in the fork: system properties, promotion, class path excludes and additions
// (elements, then dependencies).
def suite = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-com.example.params.AlphaTest.xml'))
assert suite.@tests.text() as int == 5
assert suite.@failures.text() as int == 0
assert suite.@errors.text() as int == 0

// An added dependency whose version differs from the project's: Surefire's warning, once.
assert log.count('Potential classpath conflict between project dependency and resolved additionalClasspathDependency:'
        + ' Found multiple versions of org.opentest4j:opentest4j: 1.2.0 and 1.3.0') == 1

// useFile=false: no text reports, the XML ones still.
assert !new File(basedir, 'target/surefire-reports/com.example.params.AlphaTest.txt').exists()

// -Dsurefire.printSummary=false: no Results section.
assert !log.contains('Results:')

// runOrder=reversealphabetical: the queue's order on a run without timings, on one fork.
def running = (log =~ /Running com\.example\.params\.(\w+)/).collect { it[1] }
assert running == ['GammaTest', 'BetaTest', 'AlphaTest'] : running

// One fork (forkCount=0, the tests in Maven's JVM, is the fork-count-zero IT's).
assert log.contains('test classes on 1 fork')

// A parameter fast-ci takes but cannot apply is named once, with what it does instead.
assert log.count('useManifestOnlyJar=false: fast-ci') == 1
