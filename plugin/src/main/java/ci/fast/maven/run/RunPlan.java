package ci.fast.maven.run;

import ci.fast.maven.booter.TestRunOptions;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.fork.InProcessOptions;
import ci.fast.maven.report.ReportOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one module's run needs, fixed before it starts.
 *
 * @param classes the discovered test classes, fully qualified
 * @param forkCount how many forks (nodes) to start, at least 1
 * @param forks how to start each fork
 * @param reuseForks Surefire's {@code reuseForks}: whether a fork runs every class its node is handed, or each class
 *     runs in a fresh JVM of its own (false), see {@link FreshForks}
 * @param runKey the suite within the build, such as {@code junit-billing}
 * @param reportsDirectory where TEST-*.xml and *.txt go
 * @param reports how results are shown: output on the console or in files, stack traces whole or trimmed
 * @param tests how the classes' tests run in the forks: method patterns and tags, reruns, configuration parameters
 * @param inProcess how the one node runs in Maven's JVM instead of a fork ({@code forkCount=0}); null for forks
 */
public record RunPlan(
        List<String> classes,
        int forkCount,
        ForkOptions forks,
        boolean reuseForks,
        String runKey,
        Path reportsDirectory,
        ReportOptions reports,
        TestRunOptions tests,
        InProcessOptions inProcess) {
    public RunPlan {
        classes = List.copyOf(classes);
        reports = reports == null ? ReportOptions.DEFAULTS : reports;
        tests = tests == null ? TestRunOptions.DEFAULTS : tests;
        if (forkCount < 1) {
            throw new IllegalArgumentException("forkCount must be at least 1, was " + forkCount);
        }
        if (inProcess != null && forkCount != 1) {
            throw new IllegalArgumentException("a run in Maven's JVM has one node, not " + forkCount);
        }
    }

    /** A plan whose nodes are forks. */
    public RunPlan(
            List<String> classes,
            int forkCount,
            ForkOptions forks,
            boolean reuseForks,
            String runKey,
            Path reportsDirectory,
            ReportOptions reports,
            TestRunOptions tests) {
        this(classes, forkCount, forks, reuseForks, runKey, reportsDirectory, reports, tests, null);
    }

    /** The same plan, every setting kept, for other classes (a fallback's share). */
    public RunPlan withClasses(List<String> share) {
        return new RunPlan(share, forkCount, forks, reuseForks, runKey, reportsDirectory, reports, tests, inProcess);
    }
}
