package ci.fast.maven.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.booter.TestFilters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSelectionTest {
    @TempDir
    Path dir;

    @Test
    void testOverridesIncludesAndExcludes() throws IOException {
        touch("classes", "com/acme/AccountTest.class", "com/acme/LedgerTest.class", "com/acme/AccountCheck.class");

        TestSelection selection =
                TestSelection.of("Account*", List.of("**/*Test.java"), List.of("**/Account*"), null, null);

        assertTrue(selection.specified());
        assertEquals(
                List.of("com.acme.AccountCheck", "com.acme.AccountTest"),
                selection.findClasses(dir.resolve("classes"), List.of()));
    }

    @Test
    void testExcludesClassesWithABangAndKeepsMethodPatternsForTheFork() throws IOException {
        touch("classes", "com/acme/AccountTest.class", "com/acme/LedgerTest.class", "com/acme/AuditTest.class");

        TestSelection selection = TestSelection.of("*Test, !Audit*, LedgerTest#post+close", null, null, null, null);

        assertEquals(
                List.of("com.acme.AccountTest", "com.acme.LedgerTest"),
                selection.findClasses(dir.resolve("classes"), List.of()));
        assertEquals(List.of("*Test", "!Audit*", "LedgerTest#post+close"), selection.methodIncludes());
        assertEquals(List.of(), selection.methodExcludes());
    }

    @Test
    void withoutTestUsesIncludesExcludesAndTheirDefaults() throws IOException {
        touch("classes", "com/acme/AccountTest.class", "com/acme/AccountTest$1.class", "com/acme/CheckIT.class");

        TestSelection defaults = TestSelection.of(null, List.of(), null, null, null);
        TestSelection its = TestSelection.of(" ", List.of("**/*IT.java"), null, null, null);

        assertFalse(defaults.specified());
        assertEquals(List.of("com.acme.AccountTest"), defaults.findClasses(dir.resolve("classes"), List.of()));
        assertEquals(List.of("com.acme.CheckIT"), its.findClasses(dir.resolve("classes"), List.of()));
        assertEquals(List.of(), defaults.methodIncludes());
    }

    @Test
    void readsIncludesAndExcludesFilesSkippingCommentsAndBlankLines() throws IOException {
        touch("classes", "com/acme/AccountTest.class", "com/acme/LedgerTest.class", "com/acme/AuditTest.class");
        Path includes = Files.writeString(
                dir.resolve("includes.txt"), "# the money tests\n\n**/AccountTest\n  **/LedgerTest#post  \n");
        Path excludes = Files.writeString(dir.resolve("excludes.txt"), "# none of these\n**/Audit*\n");

        TestSelection selection =
                TestSelection.of(null, List.of("**/AuditTest.java"), null, includes.toFile(), excludes.toFile());

        assertEquals(
                List.of("com.acme.AccountTest", "com.acme.LedgerTest"),
                selection.findClasses(dir.resolve("classes"), List.of()));
        assertEquals(List.of("**/AccountTest", "**/LedgerTest#post"), selection.methodIncludes());
        assertEquals(List.of("**/Audit*"), selection.methodExcludes());
    }

    @Test
    void rejectsAMissingIncludesFileInOneLine() {
        Path missing = dir.resolve("nope.txt");

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TestSelection.of(null, null, null, missing.toFile(), null));

        assertEquals(
                "Failed to load list from file: " + missing + " (includesFile names no readable file)", e.getMessage());
    }

    @Test
    void rejectsAMethodFilterInIncludesAsSurefireDoes() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TestSelection.of(null, List.of("**/FooTest.java#bar"), null, null, null));

        assertEquals(
                "Method filter prohibited in includes|excludes parameter: **/FooTest.java#bar"
                        + " (use -Dtest=Class#method, or includesFile)",
                e.getMessage());
    }

    @Test
    void scansDependencyJarsAndDirectoriesWithTheSameFilter() throws IOException {
        touch("classes", "com/acme/LocalTest.class");
        touch("module-a", "com/a/ModuleTest.class", "com/a/Skipped.class");
        Path jar = dir.resolve("core-tests.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry :
                    List.of("com/core/CoreTest.class", "com/core/CoreTest$Inner.class", "com/acme/LocalTest.class")) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
        }

        List<String> found = TestSelection.of(null, null, null, null, null)
                .findClasses(dir.resolve("classes"), List.of(jar, dir.resolve("module-a")));

        assertEquals(List.of("com.a.ModuleTest", "com.acme.LocalTest", "com.core.CoreTest"), found);
    }

    @Test
    void giveTheForksTheMethodPatternsAndTheTagExpressions() {
        TestFilters filters = TestSelection.of("AccountTest#dep*, !LedgerTest", null, null, null, null)
                .forkFilters(" fast | slow ,, com.example.Nightly", null);

        assertEquals(List.of("AccountTest#dep*", "!LedgerTest"), filters.methodIncludes());
        assertEquals(List.of(), filters.methodExcludes());
        assertEquals(List.of("fast | slow", "com.example.Nightly"), filters.groups());
        assertEquals(List.of(), filters.excludedGroups());
        assertTrue(filters.filtersMethods());
        assertFalse(TestSelection.of(null, null, null, null, null)
                .forkFilters(null, "slow")
                .filtersMethods());
    }

    @Test
    void nothingRanFailsWithSurefiresLines() {
        TestSelection specified = TestSelection.of("Foo#bar, !Baz", null, null, null, null);
        TestSelection plain = TestSelection.of(null, null, null, null, null);

        assertEquals(
                "No tests matching pattern \"Foo#bar, !Baz\" were executed!"
                        + " (Set -Dsurefire.failIfNoSpecifiedTests=false to ignore this error.)",
                specified.whenNothingRan(false, true));
        assertNull(specified.whenNothingRan(true, false));
        assertNull(plain.whenNothingRan(false, true));
        assertEquals(
                "No tests were executed!  (Set -DfailIfNoTests=false to ignore this error.)",
                plain.whenNothingRan(true, true));
    }

    @Test
    void aPomsExcludesDoNotQueueANestedClassApartFromItsOuterClass() throws IOException {
        touch("classes", "com/acme/OuterTest.class", "com/acme/OtherTest.class", "com/acme/LoneTest$InnerTest.class");
        // A Jupiter @Nested class names the annotation in its class file; a static nested class does not.
        Path nested = dir.resolve("classes/com/acme/OuterTest$InnerTest.class");
        Files.write(nested, "\u00ca\u00fe..RuntimeVisibleAnnotations..Lorg/junit/jupiter/api/Nested;..".getBytes());
        touch("classes", "com/acme/OtherTest$StaticTest.class");

        // Surefire's default excludes (**/*$*) are replaced by the pom's.
        TestSelection selection = TestSelection.of(null, List.of("**/*Test.java"), List.of("**/Nothing*"), null, null);

        assertEquals(
                List.of(
                        "com.acme.LoneTest$InnerTest",
                        "com.acme.OtherTest",
                        "com.acme.OtherTest$StaticTest",
                        "com.acme.OuterTest"),
                selection.findClasses(dir.resolve("classes"), List.of()));
    }

    private void touch(String root, String... files) throws IOException {
        for (String file : files) {
            Path path = dir.resolve(root).resolve(file);
            Files.createDirectories(path.getParent());
            Files.createFile(path);
        }
    }
}
