package ci.fast.maven;

import ci.fast.maven.pom.InheritedPlugin;
import java.util.List;

/**
 * What differs between the goal that stands in for Surefire's {@code test} and the one for Failsafe's
 * {@code integration-test}: names, defaults and whether test failures fail the goal itself.
 */
enum Goal {
    TEST(
            "test",
            "junit-",
            "timings.json",
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java"),
            InheritedPlugin.SUREFIRE),
    INTEGRATION_TEST(
            "integration-test",
            "it-",
            "it-timings.json",
            List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java"),
            InheritedPlugin.FAILSAFE);

    /** The goal's name, as in messages. */
    final String goalName;
    /** The run key's prefix before the artifactId, when {@code fastCi.runKey} is unset. */
    final String runKeyPrefix;
    /** The timing history's file name under {@code target/fast-ci}, when {@code fastCi.timingsFile} is unset. */
    final String timingsFileName;
    /** The class patterns that run when neither includes nor an includes file is set. */
    final List<String> defaultIncludes;
    /** The plugin whose pom configuration the goal takes for what it does not set itself. */
    final InheritedPlugin inheritedPlugin;

    Goal(
            String goalName,
            String runKeyPrefix,
            String timingsFileName,
            List<String> defaultIncludes,
            InheritedPlugin inheritedPlugin) {
        this.inheritedPlugin = inheritedPlugin;
        this.goalName = goalName;
        this.runKeyPrefix = runKeyPrefix;
        this.timingsFileName = timingsFileName;
        this.defaultIncludes = defaultIncludes;
    }

    /** Failsafe's rule: the goal that runs integration tests leaves failing the build to {@code verify}. */
    boolean failsOnTestFailures() {
        return this == TEST;
    }
}
