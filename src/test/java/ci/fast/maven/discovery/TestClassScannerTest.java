package ci.fast.maven.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestClassScannerTest {
    @TempDir
    Path classes;

    @Test
    void findsSurefiresDefaultTestNamesSortedAndDotted() throws IOException {
        touch(
                "com/acme/InvoiceTest.class",
                "com/acme/TestBilling.class",
                "com/acme/deep/er/StoreTests.class",
                "com/acme/LegacyTestCase.class",
                "RootTest.class",
                "com/acme/Invoice.class",
                "com/acme/TestingHelper.txt",
                "com/acme/InvoiceTest.java",
                "com/acme/MyTester.class",
                "com/acme/InvoiceTestSupport.class");

        List<String> found = scanDefaults();

        assertEquals(
                List.of(
                        "RootTest",
                        "com.acme.InvoiceTest",
                        "com.acme.LegacyTestCase",
                        "com.acme.TestBilling",
                        "com.acme.deep.er.StoreTests"),
                found);
    }

    @Test
    void leavesOutNestedAndAnonymousClasses() throws IOException {
        touch(
                "com/acme/FooTest.class",
                "com/acme/FooTest$Bar.class",
                "com/acme/FooTest$1.class",
                "com/acme/Outer$InnerTest.class");

        assertEquals(List.of("com.acme.FooTest"), scanDefaults());
    }

    @Test
    void matchesCustomJavaPatternsAgainstClassFiles() throws IOException {
        touch(
                "com/acme/it/PaymentIT.class",
                "com/acme/it/SlowIT.class",
                "com/acme/PaymentTest.class",
                "com/acme/other/ReportIT.class");

        List<String> found =
                TestClassScanner.scan(classes, List.of("**/it/*IT.java", "**/ReportIT"), List.of("**/Slow*.java"));

        assertEquals(List.of("com.acme.it.PaymentIT", "com.acme.other.ReportIT"), found);
    }

    @Test
    void acceptsClassPatternsAndWildcardsAsGiven() throws IOException {
        touch("com/acme/ATest.class", "com/acme/BTest.class", "org/other/CTest.class");

        assertEquals(
                List.of("com.acme.BTest"),
                TestClassScanner.scan(classes, List.of("com/acme/*.class"), List.of("**/ATest.class")));
        assertEquals(List.of("org.other.CTest"), TestClassScanner.scan(classes, List.of("org/**"), List.of()));
    }

    @Test
    void findsNothingInAMissingDirectory() {
        assertEquals(
                List.of(),
                TestClassScanner.scan(
                        classes.resolve("no-such-dir"),
                        TestClassScanner.DEFAULT_INCLUDES,
                        TestClassScanner.DEFAULT_EXCLUDES));
    }

    @Test
    void findsNothingInAnEmptyDirectory() {
        assertEquals(List.of(), scanDefaults());
    }

    @Test
    void findsNothingWhenThePathIsAFile() throws IOException {
        touch("FooTest.class");

        assertEquals(
                List.of(),
                TestClassScanner.scan(
                        classes.resolve("FooTest.class"),
                        TestClassScanner.DEFAULT_INCLUDES,
                        TestClassScanner.DEFAULT_EXCLUDES));
    }

    private List<String> scanDefaults() {
        return TestClassScanner.scan(classes, TestClassScanner.DEFAULT_INCLUDES, TestClassScanner.DEFAULT_EXCLUDES);
    }

    private void touch(String... files) throws IOException {
        for (String file : files) {
            Path path = classes.resolve(file);
            Files.createDirectories(path.getParent());
            Files.createFile(path);
        }
    }
}
