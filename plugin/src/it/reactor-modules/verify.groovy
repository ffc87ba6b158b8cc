import groovy.xml.XmlSlurper

// Three modules: JUnit 5, none, JUnit 4. Each module with tests runs as its own run, in reactor order.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

def suite = { String module, String cls ->
    File xml = new File(basedir, "${module}/target/surefire-reports/TEST-${cls}.xml")
    assert xml.isFile(): "${module} has no report for ${cls}"
    new XmlSlurper().parse(xml)
}
def billing = suite('billing', 'com.example.billing.InvoiceTest')
assert billing.@tests.text() as int == 2 && billing.@failures.text() as int == 0
def legacy = suite('legacy', 'com.example.legacy.LedgerTest')
assert legacy.@tests.text() as int == 1 && legacy.@failures.text() as int == 0
assert !new File(basedir, 'docs/target/surefire-reports').exists()

// One local run per module with tests, in reactor order, and the module without tests says so.
def runs = log.findAll(/FastCI local run: \d+ test class/)
assert runs.size() == 2: "expected a run per module with tests, got ${runs}"
int billingAt = log.indexOf('in com.example.billing.InvoiceTest')
int docsAt = log.indexOf('No tests to run.', billingAt) // the parent pom says it first
int legacyAt = log.indexOf('in com.example.legacy.LedgerTest')
assert 0 <= billingAt && billingAt < docsAt && docsAt < legacyAt: 'modules ran out of reactor order'
return true
