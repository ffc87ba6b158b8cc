package ci.fast.maven.report.timeline;

import static ci.fast.maven.report.timeline.Runs.T0;
import static ci.fast.maven.report.timeline.Runs.at;
import static ci.fast.maven.report.timeline.Runs.passing;
import static ci.fast.maven.report.timeline.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub's job summary, in a temporary file standing for {@code $GITHUB_STEP_SUMMARY}, and the workflow commands. */
class GitHubSummaryTest {
    private static final String TRACE = String.join(
            "\n",
            "org.opentest4j.AssertionFailedError: expected: <2> but was: <3>",
            "\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)",
            "\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:563)",
            "\tat app//com.acme.FooTest$Nested.divides(FooTest.java:12)",
            "\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)");

    @TempDir
    Path dir;

    private Path summary;
    private Path sources;
    private Instant now = T0;
    private final List<String> console = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void sources() throws Exception {
        summary = dir.resolve("step_summary");
        Files.writeString(summary, "## an earlier step's summary\n");
        sources = dir.resolve("module/src/test/java");
        Files.createDirectories(sources.resolve("com/acme"));
        Files.writeString(sources.resolve("com/acme/FooTest.java"), "class FooTest {}");
    }

    @Test
    void printsOneErrorCommandPerFailedTestWithItsFileAndLine() {
        GitHubSummary github = summary(1);

        github.classCompleted(run(
                1,
                0,
                1,
                ClassResult.builder("com.acme.FooTest")
                        .tests(List.of(
                                failed("divides", "com.acme.FooTest$Nested", "expected: <2> but was: <3>", TRACE),
                                failed("reads", "com.acme.FooTest", "two\nlines, 100%", "no frame of the class"),
                                TestResult.builder("adds", "com.acme.FooTest", Status.PASSED)
                                        .build()))
                        .build()));

        assertEquals(
                List.of(
                        "::error file=module/src/test/java/com/acme/FooTest.java,line=12,"
                                + "title=com.acme.FooTest$Nested.divides::"
                                + "org.opentest4j.AssertionFailedError: expected: <2> but was: <3>",
                        "::error title=com.acme.FooTest.reads::org.opentest4j.AssertionFailedError: two%0Alines, 100%25"),
                console);
    }

    @Test
    void leavesTheFileOutWhenTheFrameNamesNoSourceThatExists() {
        String elsewhere = TRACE.replace("FooTest.java:12", "Generated.java:3");

        assertEquals(
                "::error title=com.acme.FooTest.divides::m",
                GitHubSummary.command(
                        failed("divides", "com.acme.FooTest", "m", elsewhere).toBuilder()
                                .failure(null, "m", elsewhere)
                                .build(),
                        FailureSite.of(failed("divides", "com.acme.FooTest", "m", elsewhere), sources, dir)
                                .orElse(null)));
    }

    @Test
    void appendsCountsFailuresFlakesTheSlowestClassesAndTheMakespanToTheJobSummary() throws Exception {
        GitHubSummary github = summary(2);
        TestResult flaky = failed("retries", "com.acme.BarTest", "once", "trace")
                .withRerun(TestResult.builder("retries", "com.acme.BarTest", Status.PASSED)
                        .build());
        github.classCompleted(passing(1, "com.acme.SlowTest", 0, 3));
        github.classCompleted(run(
                2,
                0,
                1,
                ClassResult.builder("com.acme.FooTest")
                        .tests(List.of(failed("divides", "com.acme.FooTest", "expected: <2> but was: ```3```", TRACE)))
                        .build()));
        github.classCompleted(run(
                2,
                1,
                2,
                ClassResult.builder("com.acme.BarTest").tests(List.of(flaky)).build()));
        github.reconnected(2);
        now = at(4);
        github.runFinished(new RunSummary());

        String md = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(md.startsWith("## an earlier step's summary\n### \u274c fast-ci: junit-shop\n"), md);
        assertTrue(md.contains("| 3 | 2 | 1 | 0 | 1 |"), md);
        assertTrue(
                md.contains("Makespan **3 s** against a bound of 3 s (1.00\u00d7) on 2 forks; wall 4 s, class time 5 s,"
                        + " 1 reconnect, 0 crashes."),
                md);
        assertTrue(
                md.contains("- `com.acme.FooTest.divides`\n  ````\n  org.opentest4j.AssertionFailedError: expected:"
                        + " <2> but was: ```3```\n  ````\n"),
                md);
        assertTrue(md.contains("#### Flaky tests\n\n- `com.acme.BarTest.retries`: passed on run 2\n"), md);
        assertTrue(
                md.contains("| `com.acme.SlowTest` | 3 s | 1 |\n| `com.acme.FooTest` | 1 s | 2 |\n"
                        + "| `com.acme.BarTest` | 1 s | 2 |\n"),
                md);
        assertEquals(List.of(), warnings);
    }

    @Test
    void saysInOneLineWhenTheSummaryCannotBeWritten() {
        GitHubSummary github = new GitHubSummary(
                dir.resolve("no/such/dir/summary"),
                "junit-shop",
                1,
                sources,
                dir,
                () -> now,
                console::add,
                warnings::add);

        github.runFinished(new RunSummary());

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("fast-ci cannot append to GitHub's job summary "), warnings.get(0));
    }

    private GitHubSummary summary(int forks) {
        return new GitHubSummary(summary, "junit-shop", forks, sources, dir, () -> now, console::add, warnings::add);
    }

    private static TestResult failed(String name, String className, String message, String trace) {
        return TestResult.builder(name, className, Status.FAILED)
                .failure("org.opentest4j.AssertionFailedError", message, trace)
                .build();
    }
}
