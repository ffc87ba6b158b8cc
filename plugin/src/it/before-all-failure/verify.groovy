import groovy.xml.XmlSlurper

// @BeforeAll throws: the class's tests never run; Surefire reports the class as an error and fails the build.
String log = new File(basedir, 'build.log').text
File reports = new File(basedir, 'target/surefire-reports')

assert log.contains('BUILD FAILURE')
int failures = log.indexOf('There are test failures.')
assert failures >= 0 : 'the build failed for another reason than the tests'
assert log.substring(failures) =~ /InventoryTest\S* .*inventory database unavailable/

File inventoryXml = new File(reports, 'TEST-com.example.stock.InventoryTest.xml')
assert inventoryXml.isFile() : 'the class that failed to start has no report'
def inventory = new XmlSlurper().parse(inventoryXml)
assert inventory.@errors.text() as int >= 1
def errors = inventory.'**'.findAll { it.name() == 'error' }
assert errors.size() >= 1
assert errors.any {
    it.@type.text() == 'java.lang.IllegalStateException' && it.@message.text() == 'inventory database unavailable'
}
assert errors.any { it.text().contains('InventoryTest.connect(InventoryTest.java:') }
assert log =~ /Tests run: \d+, Failures: 0, Errors: [1-9]\d*, Skipped: \d+, Time elapsed: [0-9.]+ s <<< FAILURE! -- in com\.example\.stock\.InventoryTest/
// Surefire names the class alone here: "com.example.stock.InventoryTest -- Time elapsed: 0.075 s <<< ERROR!".
assert log =~ /(?m)^\[ERROR\] com\.example\.stock\.InventoryTest -- Time elapsed: [0-9.]+ s <<< ERROR!$/ :
        'the class-level error line should name the class once, as Surefire does'

def catalog = new XmlSlurper().parse(new File(reports, 'TEST-com.example.stock.CatalogTest.xml'))
assert catalog.@tests.text() as int == 1
assert catalog.@errors.text() as int == 0
assert catalog.@failures.text() as int == 0

int results = log.indexOf('Results:')
assert results >= 0
assert log.substring(results) =~ /(?m)^\[ERROR\] Tests run: \d+, Failures: 0, Errors: [1-9]\d*, Skipped: \d+\s*$/
