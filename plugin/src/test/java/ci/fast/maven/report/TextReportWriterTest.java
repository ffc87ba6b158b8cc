package ci.fast.maven.report;

import static ci.fast.maven.report.Results.CLASS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReportWriterTest {

    private static final String NL = System.lineSeparator();
    private static final String RULE = "-".repeat(79);

    @TempDir
    Path dir;

    @Test
    void writesHeaderClassLineAndEachProblemWithItsTrace() throws Exception {
        new TextReportWriter().write(Results.mixed("ignored output", ""), dir);

        String expected = String.join(
                        NL,
                        RULE,
                        "Test set: com.acme.FooTest",
                        RULE,
                        "Tests run: 4, Failures: 1, Errors: 1, Skipped: 1, Time elapsed: 0.123 s <<< FAILURE! -- in com.acme.FooTest",
                        "com.acme.FooTest.divides -- Time elapsed: 0.012 s <<< FAILURE!",
                        "org.opentest4j.AssertionFailedError: expected: <2> but was: <3>",
                        "\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)",
                        "\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:563)",
                        "\tat app//com.acme.FooTest.divides(FooTest.java:12)",
                        "\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)",
                        "",
                        "com.acme.FooTest.reads -- Time elapsed: 0.004 s <<< ERROR!",
                        "java.lang.IllegalStateException: boom",
                        "\tat com.acme.Store.read(Store.java:40)",
                        "\tat com.acme.FooTest.reads(FooTest.java:30)",
                        "\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)",
                        "")
                + NL;
        assertEquals(expected, Files.readString(dir.resolve(CLASS + ".txt")));
    }

    @Test
    void writesOnlyHeaderAndClassLineWhenAllPass() throws Exception {
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(Results.passed("adds", 0.001)))
                .seconds(0.05)
                .build();

        new TextReportWriter().write(r, dir);

        String expected = String.join(
                        NL,
                        RULE,
                        "Test set: com.acme.FooTest",
                        RULE,
                        "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.050 s -- in com.acme.FooTest")
                + NL;
        assertEquals(expected, Files.readString(dir.resolve(CLASS + ".txt")));
    }

    @Test
    void fallsBackToTypeAndMessageWhenThereIsNoTrace() throws Exception {
        TestResult t = Results.error("crashes", "ForkCrash", "The fork exited with code 137", null);
        ClassResult r = ClassResult.builder(CLASS).tests(List.of(t)).seconds(1).build();

        new TextReportWriter().write(r, dir);

        List<String> lines = Files.readAllLines(dir.resolve(CLASS + ".txt"));
        assertEquals(
                List.of(
                        "com.acme.FooTest.crashes -- Time elapsed: 0.004 s <<< ERROR!",
                        "ForkCrash: The fork exited with code 137",
                        ""),
                lines.subList(4, lines.size()));
    }
}
