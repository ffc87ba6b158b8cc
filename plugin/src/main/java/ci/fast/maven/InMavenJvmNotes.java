package ci.fast.maven;

import ci.fast.maven.config.RunSettings;
import ci.fast.maven.fork.ForkOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code forkCount=0} leaves aside, as Surefire's in-process run does: every setting of the forked JVM, one line
 * each, for those set. Surefire applies them silently to nothing; fast-ci says so.
 */
final class InMavenJvmNotes {
    private InMavenJvmNotes() {}

    static List<String> of(RunSettings.Jvm jvm) {
        List<String> lines = new ArrayList<>();
        if (jvm.argLine() != null && !jvm.argLine().isBlank()) {
            lines.add("argLine is not applied: the tests run in Maven's JVM, with Maven's JVM options");
        }
        if (jvm.java() != null || !jvm.jdkToolchain().isEmpty()) {
            lines.add("jvm / jdkToolchain are not applied: the tests run in Maven's JVM, on Maven's Java");
        }
        if (!jvm.environment().isEmpty() || !jvm.excludedEnvironment().isEmpty()) {
            lines.add("environmentVariables / excludedEnvironmentVariables are not applied: the tests see Maven's"
                    + " environment");
        }
        if (!jvm.timeout().isZero()) {
            lines.add("forkedProcessTimeoutInSeconds is not applied: there is no forked JVM to end");
        }
        if (!jvm.exitTimeout().equals(ForkOptions.DEFAULT_EXIT_TIMEOUT)) {
            lines.add("forkedProcessExitTimeoutInSeconds only bounds the wait for the tests' thread once they are"
                    + " done");
        }
        if (jvm.debug() != null) {
            lines.add("debugForkedProcess is not applied: attach the debugger to Maven (mvnDebug)");
        }
        if (!jvm.reuseForks()) {
            lines.add("reuseForks=false is not applied: every class runs in Maven's JVM");
        }
        // Said whatever is set, as Surefire says its useSystemClassLoader line with every forkCount=0 build.
        lines.add("useSystemClassLoader and useModulePath have no effect when not forking: the tests run on a class"
                + " loader of their own in Maven's JVM, with workingDirectory as their user.dir only");
        return lines;
    }
}
