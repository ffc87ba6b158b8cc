package ci.fast.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ci.fast.maven.config.RunSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What forkCount=0 leaves aside: one line for each forked JVM's setting that is set, Surefire's class loader line. */
class InMavenJvmNotesTest {
    private static final String LOADER = "useSystemClassLoader and useModulePath have no effect when not forking: the"
            + " tests run on a class loader of their own in Maven's JVM, with workingDirectory as their user.dir only";

    private static RunSettings.Builder inMavenJvm() {
        return RunSettings.builder("test")
                .testClassesDirectory(Path.of("target/test-classes"))
                .workingDirectory(Path.of("."))
                .reports(Path.of("target/surefire-reports"), false, false, true)
                .remote(null, null, true, "junit-shop")
                .forkCount("0", 2);
    }

    @Test
    void namesOnlyTheClassLoaderWhenNoForkSettingIsSet() {
        assertEquals(List.of(LOADER), InMavenJvmNotes.of(inMavenJvm().build().jvm()));
    }

    @Test
    void namesEachForkSettingThatIsSetOnce() {
        RunSettings.Jvm jvm = inMavenJvm()
                .argLine("-Xmx1g")
                .java("/opt/jdk/bin/java")
                .environment(Map.of("A", "1"), List.of("B"))
                .timeouts(60, 10)
                .reuseForks(false)
                .build()
                .jvm();

        assertEquals(
                List.of(
                        "argLine is not applied: the tests run in Maven's JVM, with Maven's JVM options",
                        "jvm / jdkToolchain are not applied: the tests run in Maven's JVM, on Maven's Java",
                        "environmentVariables / excludedEnvironmentVariables are not applied: the tests see Maven's"
                                + " environment",
                        "forkedProcessTimeoutInSeconds is not applied: there is no forked JVM to end",
                        "forkedProcessExitTimeoutInSeconds only bounds the wait for the tests' thread once they are"
                                + " done",
                        "reuseForks=false is not applied: every class runs in Maven's JVM",
                        LOADER),
                InMavenJvmNotes.of(jvm));
    }
}
