package ci.fast.maven.report;

import static ci.fast.maven.report.Results.CLASS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleFormatTest {

    @Test
    void classLineMarksFailureBeforeTheClassName() {
        assertEquals(
                "Tests run: 4, Failures: 1, Errors: 1, Skipped: 1, Time elapsed: 0.123 s <<< FAILURE! -- in com.acme.FooTest",
                ConsoleFormat.classLine(Results.mixed("", "")));
    }

    @Test
    void classLineWithoutProblemsHasNoMarker() {
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(
                        Results.passed("adds", 0.1), Results.passed("subtracts", 0), Results.skipped("later", null)))
                .seconds(0.123)
                .build();

        assertEquals(
                "Tests run: 3, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 0.123 s -- in com.acme.FooTest",
                ConsoleFormat.classLine(r));
    }

    @Test
    void totalsLineListsTheFourCounts() {
        assertEquals("Tests run: 12, Failures: 2, Errors: 1, Skipped: 3", ConsoleFormat.totalsLine(12, 2, 1, 3));
    }

    @Test
    void testLineMarksFailuresAndErrorsDifferently() {
        assertEquals(
                "com.acme.FooTest.divides -- Time elapsed: 0.012 s <<< FAILURE!",
                ConsoleFormat.testLine(Results.failed("divides", "x", null)));
        assertEquals(
                "com.acme.FooTest.reads -- Time elapsed: 0.004 s <<< ERROR!",
                ConsoleFormat.testLine(Results.error("reads", "java.io.IOException", "x", null)));
        assertEquals(
                "com.acme.FooTest.adds -- Time elapsed: 0.001 s",
                ConsoleFormat.testLine(Results.passed("adds", 0.001)));
    }

    @Test
    void testLineNamesTheClassOnceForAClassLevelError() {
        assertEquals(
                "com.acme.FooTest -- Time elapsed: 0.004 s <<< ERROR!",
                ConsoleFormat.testLine(
                        Results.error("com.acme.FooTest", "java.lang.IllegalStateException", "x", null)));
    }

    @Test
    void elapsedKeepsFourSignificantDigitsLikeSurefire() {
        assertEquals("0 s", ConsoleFormat.elapsed(0));
        assertEquals("0.123 s", ConsoleFormat.elapsed(0.1234));
        assertEquals("1.500 s", ConsoleFormat.elapsed(1.5));
        assertEquals("12.35 s", ConsoleFormat.elapsed(12.3456));
        assertEquals("123.5 s", ConsoleFormat.elapsed(123.46));
        assertEquals("1235 s", ConsoleFormat.elapsed(1234.6));
    }

    @Test
    void elapsedShowsZeroForImpossibleTimes() {
        assertEquals("0 s", ConsoleFormat.elapsed(-0.5));
        assertEquals("0 s", ConsoleFormat.elapsed(Double.NaN));
        assertEquals("0 s", ConsoleFormat.elapsed(Double.POSITIVE_INFINITY));
    }
}
