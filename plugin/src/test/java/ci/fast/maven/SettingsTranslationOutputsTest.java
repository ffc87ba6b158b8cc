package ci.fast.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.config.RunSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fast-ci's own outputs as the goal's parameters and environment set them: timeline, progress, GitHub's summary. */
class SettingsTranslationOutputsTest {
    private static final Map<String, String> GITHUB =
            Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", "/home/runner/_temp/step_summary");

    @TempDir
    Path dir;

    @Test
    void writesTheTimelineUnderTheBuildDirectoryPerGoal() {
        assertEquals(
                dir.resolve("target/fast-ci/timeline.html"),
                translate(parameters(), Goal.TEST, Map.of()).reports().timelineFile());
        assertEquals(
                dir.resolve("target/fast-ci/it-timeline.html"),
                translate(parameters(), Goal.INTEGRATION_TEST, Map.of())
                        .reports()
                        .timelineFile());
    }

    @Test
    void showsProgressUnlessTurnedOff() {
        TestParameters off = parameters();
        off.progress = false;

        assertTrue(translate(parameters(), Goal.TEST, Map.of()).reports().progress());
        assertFalse(translate(off, Goal.TEST, Map.of()).reports().progress());
    }

    @Test
    void splitsClassesOnlyWhenAsked() {
        TestParameters on = parameters();
        on.splitClasses = true;

        assertFalse(translate(parameters(), Goal.TEST, Map.of()).splitClasses());
        assertTrue(translate(on, Goal.TEST, Map.of()).splitClasses());
        assertTrue(translate(on, Goal.INTEGRATION_TEST, Map.of()).splitClasses());
    }

    @Test
    void appendsToGitHubsJobSummaryOnGitHubActionsUnlessTurnedOff() {
        TestParameters off = parameters();
        off.ciSummary = false;

        assertEquals(
                Path.of("/home/runner/_temp/step_summary"),
                translate(parameters(), Goal.TEST, GITHUB).reports().gitHubSummary());
        assertNull(translate(off, Goal.TEST, GITHUB).reports().gitHubSummary());
        assertNull(translate(parameters(), Goal.TEST, Map.of()).reports().gitHubSummary());
    }

    @Test
    void namesGitLabsProjectDirectoryOnGitLabCiUnlessTurnedOff() {
        TestParameters off = parameters();
        off.ciSummary = false;
        Map<String, String> gitLab = Map.of("GITLAB_CI", "true", "CI_PROJECT_DIR", "/builds/acme/app");

        assertEquals(
                Path.of("/builds/acme/app"),
                translate(parameters(), Goal.TEST, gitLab).reports().gitLabProjectDir());
        assertNull(translate(off, Goal.TEST, gitLab).reports().gitLabProjectDir());
        assertNull(translate(parameters(), Goal.TEST, Map.of()).reports().gitLabProjectDir());
        assertNull(translate(parameters(), Goal.TEST, Map.of("CI_PROJECT_DIR", "/x"))
                .reports()
                .gitLabProjectDir());
    }

    @Test
    void findsGitHubsSummaryOnlyWhereGitHubActionsIsOnAndTheFileIsNamed() {
        assertNull(SettingsTranslation.gitHubSummary(Map.of("GITHUB_STEP_SUMMARY", "/tmp/s")), "not on GitHub");
        assertNull(
                SettingsTranslation.gitHubSummary(Map.of("GITHUB_ACTIONS", "false", "GITHUB_STEP_SUMMARY", "/tmp/s")));
        assertNull(SettingsTranslation.gitHubSummary(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", " ")));
        assertEquals(
                Path.of("/tmp/s"),
                SettingsTranslation.gitHubSummary(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", "/tmp/s")));
    }

    private RunSettings translate(TestParameters p, Goal goal, Map<String, String> env) {
        SettingsTranslation.GoalFacts facts = new SettingsTranslation.GoalFacts(
                goal,
                "shop",
                dir.resolve("target"),
                dir.resolve("target/classes"),
                dir.resolve("target/reports"),
                null,
                new Properties(),
                dir,
                null);
        return SettingsTranslation.translate(p, facts, env);
    }

    /** The parameters as Maven sets them by default, for what the translation reads. */
    private TestParameters parameters() {
        TestParameters p = new TestParameters() {
            @Override
            public void execute() {}
        };
        p.testClassesDirectory = dir.resolve("target/test-classes").toFile();
        p.workingDirectory = dir.toFile();
        p.forkCount = "1";
        p.failIfNoSpecifiedTests = true;
        p.trimStackTrace = false;
        p.printSummary = true;
        p.fallback = true;
        p.enableAssertions = true;
        p.forkedProcessExitTimeoutInSeconds = 30;
        p.promoteUserPropertiesToSystemProperties = true;
        p.progress = true;
        p.ciSummary = true;
        p.jvm = null;
        return p;
    }
}
