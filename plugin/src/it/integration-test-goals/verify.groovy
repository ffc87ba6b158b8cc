import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
File target = new File(basedir, 'target')

// Unit tests under fast-ci:test, integration tests under fast-ci:integration-test, each in its own directory.
assert new File(target, 'surefire-reports/TEST-com.example.shop.PricesTest.xml').isFile()
assert !new File(target, 'surefire-reports/TEST-com.example.shop.CheckoutIT.xml').exists()
assert !new File(target, 'failsafe-reports/TEST-com.example.shop.PricesTest.xml').exists()
def server = new XmlSlurper().parse(new File(target, 'failsafe-reports/TEST-com.example.shop.ShopServerIT.xml'))
assert server.@tests.text() as int == 2
assert server.@failures.text() as int == 0 : 'the IT reached the server and ran against the jar'
def checkout = new XmlSlurper().parse(new File(target, 'failsafe-reports/TEST-com.example.shop.CheckoutIT.xml'))
assert checkout.@tests.text() as int == 2
assert checkout.@failures.text() as int == 1

// The ITs are a run of their own.
assert log.contains('test classes on 2 forks') || log.contains('test class on 2 forks')

// Failsafe's summary file.
def summary = new XmlSlurper().parse(new File(target, 'failsafe-reports/failsafe-summary.xml'))
assert summary.@result.text() == '255'
assert summary.completed.text() as int == 4
assert summary.failures.text() as int == 1
assert summary.errors.text() as int == 0

// The failing IT did not stop the build before post-integration-test: the server was stopped.
assert new File(target, 'shop.stopped').text == 'stopped in post-integration-test'
int integration = log.indexOf('fast-ci:0.1.0-SNAPSHOT:integration-test')
int stop = log.indexOf('(stop-server)')
int verify = log.indexOf('fast-ci:0.1.0-SNAPSHOT:verify')
assert integration >= 0 && stop > integration && verify > stop

// verify failed the build, naming the failed test.
assert log.contains('There are test failures.')
assert log.contains('CheckoutIT.roundsHalfCentsUp')
assert log.contains('BUILD FAILURE')
