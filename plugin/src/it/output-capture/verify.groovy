import groovy.xml.XmlSlurper

// Each class's output (System.out, System.err, native stdout) lands in its own report, and only there.
String log = new File(basedir, 'build.log').text
File reports = new File(basedir, 'target/surefire-reports')

assert log.contains('BUILD SUCCESS')
int results = log.indexOf('Results:')
assert results >= 0
assert log.substring(results) =~ /(?m)^\[INFO\] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0\s*$/

def expected = [
        'com.example.output.ChattyTest': [
                out: ['chatty says hello on System.out',
                      'chatty writes straight to file descriptor 1',
                      'chatty ends without a newline'],
                err: ['chatty complains on System.err']],
        'com.example.output.EchoTest'  : [
                out: ['echo repeats on System.out',
                      'echo escapes <xml> & "quotes" ]]>',
                      'echo writes to file descriptor 1'],
                err: ['echo repeats on System.err']],
        'com.example.output.QuietTest' : [out: [], err: []],
]

/** The non-blank lines of every element of that name, wherever the writer put it (suite or testcase). */
def linesOf = { suite, String element ->
    suite.'**'.findAll { it.name() == element }
            .collect { it.text() }
            .join('\n')
            .readLines()
            .collect { it.strip() }
            .findAll { !it.isEmpty() }
}

expected.each { String cls, Map want ->
    def suite = new XmlSlurper().parse(new File(reports, "TEST-${cls}.xml"))
    assert suite.@failures.text() as int == 0
    assert suite.@errors.text() as int == 0
    def out = linesOf(suite, 'system-out')
    def err = linesOf(suite, 'system-err')
    assert out.sort() == (want.out as List).sort() : "${cls} system-out was:\n${out.join('\n')}"
    assert err.sort() == (want.err as List).sort() : "${cls} system-err was:\n${err.join('\n')}"
}
return true
