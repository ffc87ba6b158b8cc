package ci.fast.maven.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.maven.surefire.api.testset.TestListResolver;
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

        List<String> found = scan(List.of("**/it/*IT.java", "**/ReportIT"), List.of("**/Slow*.java"));

        assertEquals(List.of("com.acme.it.PaymentIT", "com.acme.other.ReportIT"), found);
    }

    @Test
    void acceptsClassPatternsAndWildcardsAsGiven() throws IOException {
        touch("com/acme/ATest.class", "com/acme/BTest.class", "org/other/CTest.class");

        assertEquals(List.of("com.acme.BTest"), scan(List.of("com/acme/*.class"), List.of("**/ATest.class")));
        assertEquals(List.of("org.other.CTest"), scan(List.of("org/**"), List.of()));
    }

    @Test
    void findsNothingInAMissingDirectory() {
        assertEquals(List.of(), TestClassScanner.scan(classes.resolve("no-such-dir"), defaults()));
    }

    @Test
    void findsNothingInAnEmptyDirectory() {
        assertEquals(List.of(), scanDefaults());
    }

    @Test
    void findsNothingWhenThePathIsAFile() throws IOException {
        touch("FooTest.class");

        assertEquals(List.of(), TestClassScanner.scan(classes.resolve("FooTest.class"), defaults()));
    }

    @Test
    void findsTestClassesInAJarWithTheSameFilter() throws IOException {
        Path jar = classes.resolve("core-tests.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : List.of(
                    "META-INF/MANIFEST.MF",
                    "com/acme/",
                    "com/acme/CoreTest.class",
                    "com/acme/CoreTest$Helper.class",
                    "com/acme/Core.class",
                    "com/acme/SlowTest.class",
                    "com/acme/notes.txt")) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
        }

        assertEquals(List.of("com.acme.CoreTest", "com.acme.SlowTest"), TestClassScanner.scanJar(jar, defaults()));
        assertEquals(
                List.of("com.acme.CoreTest"),
                TestClassScanner.scanJar(
                        jar, new TestListResolver(List.of("**/*Test.java"), List.of("**/Slow*", "**/*$*"))));
    }

    private List<String> scanDefaults() {
        return TestClassScanner.scan(classes, defaults());
    }

    private List<String> scan(List<String> includes, List<String> excludes) {
        return TestClassScanner.scan(classes, new TestListResolver(includes, excludes));
    }

    private static TestListResolver defaults() {
        return new TestListResolver(TestSelection.DEFAULT_INCLUDES, TestSelection.DEFAULT_EXCLUDES);
    }

    private void touch(String... files) throws IOException {
        for (String file : files) {
            Path path = classes.resolve(file);
            Files.createDirectories(path.getParent());
            Files.createFile(path);
        }
    }
}
