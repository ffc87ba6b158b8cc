package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ci.fast.maven.booter.TestFilters;
import ci.fast.maven.booter.TestNgSuite;
import ci.fast.maven.booter.TestRunOptions;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.ReportOptions;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPlanTest {
    private static final ForkOptions FORKS = new ForkOptions(
            Path.of("java"),
            List.of("-Xmx64m"),
            List.of(),
            List.of(),
            Path.of("work"),
            Map.of(),
            Path.of("scratch"),
            Duration.ofSeconds(5),
            ForkOptions.DEFAULT_EXIT_TIMEOUT,
            ForkOptions.DEFAULT_CONNECT_TIMEOUT,
            List.of("HOME"),
            null);

    private static final RunPlan PLAN = new RunPlan(
            List.of("a.ATest", "b.BTest"),
            3,
            FORKS,
            false,
            "junit-shop",
            Path.of("reports"),
            new ReportOptions(true, true, true, true, null, null, false, null, null, ReportLayout.SUREFIRE, true, true),
            new TestRunOptions(
                    new TestFilters(List.of("ATest#one"), List.of(), List.of("fast"), List.of("slow")),
                    2,
                    Map.of("junit.jupiter.execution.parallel.enabled", "true"),
                    List.of("junit-jupiter"),
                    List.of(),
                    3,
                    true,
                    List.of("a.SuiteTest#one"),
                    TestNgSuite.NONE.withObjectFactory("a.Factory"),
                    false));

    @Test
    void aFallbackShareKeepsEverySettingButTheClasses() throws Exception {
        RunPlan share = PLAN.withClasses(List.of("b.BTest"));

        assertEquals(List.of("b.BTest"), share.classes());
        // Every other component, whatever is added to the record later: a fallback run is the same run, only local.
        for (RecordComponent component : RunPlan.class.getRecordComponents()) {
            if (!component.getName().equals("classes")) {
                assertEquals(
                        component.getAccessor().invoke(PLAN),
                        component.getAccessor().invoke(share),
                        component.getName() + " is lost in a fallback's plan");
            }
        }
        assertNotEquals(ReportOptions.DEFAULTS, share.reports());
        assertNotEquals(TestRunOptions.DEFAULTS, share.tests());
    }

    @Test
    void refusesFewerThanOneFork() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new RunPlan(List.of(), 0, FORKS, true, "junit-shop", Path.of("reports"), null, null));

        assertEquals("forkCount must be at least 1, was 0", e.getMessage());
    }
}
