package ci.fast.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ci.fast.maven.config.SettingsException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** A goal's properties as Maven's evaluator answers them, here from a map: only where the pom sets nothing. */
class GoalPropertiesTest {
    static final class Goal {
        @GoalProperty(test = "surefire.timeout", integrationTest = "failsafe.timeout")
        int timeout;

        @GoalProperty(test = "test", integrationTest = "it.test")
        String test;

        @GoalProperty(test = "surefire.includes", integrationTest = "failsafe.includes")
        List<String> includes;

        @GoalProperty(test = "surefire.excludedEnvironmentVariables")
        String[] excluded;

        @GoalProperty(test = "surefire.includesFile", integrationTest = "failsafe.includesFile")
        File includesFile;

        @GoalProperty(test = "surefire.printSummary", integrationTest = "failsafe.printSummary")
        boolean printSummary = true;

        @GoalProperty(test = "surefire.runOrder.random.seed")
        Long seed;

        String notAGoalProperty;
    }

    private static ExpressionEvaluator properties(Map<String, String> values) {
        return new ExpressionEvaluator() {
            @Override
            public Object evaluate(String expression) {
                return values.get(expression.substring(2, expression.length() - 1));
            }

            @Override
            public File alignToBaseDirectory(File file) {
                return file;
            }
        };
    }

    @Test
    void setsEachUnconfiguredParameterFromTheTestGoalsProperty() {
        Goal goal = new Goal();
        List<String> set = GoalProperties.apply(
                goal,
                false,
                new Xpp3Dom("configuration"),
                properties(Map.of(
                        "surefire.timeout", "90",
                        "test", "FooTest#bar",
                        "surefire.includes", "**/*Spec.java, **/*Test.java",
                        "surefire.excludedEnvironmentVariables", "HOME,PATH",
                        "surefire.includesFile", "includes.txt",
                        "surefire.printSummary", "false",
                        "surefire.runOrder.random.seed", "7",
                        "failsafe.timeout", "5")),
                Path.of("/project"));

        assertEquals(90, goal.timeout);
        assertEquals("FooTest#bar", goal.test);
        assertEquals(List.of("**/*Spec.java", "**/*Test.java"), goal.includes);
        assertArrayEquals(new String[] {"HOME", "PATH"}, goal.excluded);
        assertEquals(new File("/project/includes.txt"), goal.includesFile);
        assertEquals(false, goal.printSummary);
        assertEquals(7L, goal.seed);
        assertEquals(7, set.size());
    }

    @Test
    void theIntegrationTestGoalReadsFailsafesNames() {
        Goal goal = new Goal();
        GoalProperties.apply(
                goal,
                true,
                null,
                properties(Map.of("surefire.timeout", "90", "failsafe.timeout", "5", "it.test", "BarIT")),
                Path.of("/project"));

        assertEquals(5, goal.timeout);
        assertEquals("BarIT", goal.test);
    }

    @Test
    void aValueInThePomWinsOverTheProperty() {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom timeout = new Xpp3Dom("timeout");
        timeout.setValue("12");
        configuration.addChild(timeout);
        // A parameter Maven filled from its default only: an empty child, which the property may set.
        configuration.addChild(new Xpp3Dom("test"));
        Goal goal = new Goal();

        GoalProperties.apply(
                goal,
                false,
                configuration,
                properties(Map.of("surefire.timeout", "90", "test", "FooTest")),
                Path.of("/project"));

        assertEquals(0, goal.timeout, "left to Maven, which set the pom's value");
        assertEquals("FooTest", goal.test);
        assertNull(goal.notAGoalProperty);
    }

    @Test
    void aPropertyThatIsNoNumberIsOneLine() {
        SettingsException e = assertThrows(
                SettingsException.class,
                () -> GoalProperties.apply(
                        new Goal(), false, null, properties(Map.of("surefire.timeout", "soon")), Path.of("/")));

        assertEquals("-Dsurefire.timeout=soon is not a number: timeout takes a int", e.getMessage());
    }
}
