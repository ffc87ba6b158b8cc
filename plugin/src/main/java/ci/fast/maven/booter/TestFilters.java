package ci.fast.maven.booter;

import java.util.ArrayList;
import java.util.List;

/**
 * What the fork's launcher filters out of the classes it is given, already resolved on the Maven side: Surefire's
 * method patterns, matched by {@code ci.fast.maven.discovery.MethodFilter} in an isolated loader, and JUnit Platform
 * tag expressions. JDK types only: the fork's test side reads it.
 *
 * @param methodIncludes Surefire patterns such as {@code FooTest#a+b}; empty with {@code methodExcludes} when every
 *     method runs
 * @param methodExcludes Surefire patterns whose methods do not run
 * @param groups tag expressions, one of which a test must match (Surefire's {@code groups}); empty for all
 * @param excludedGroups tag expressions no test may match (Surefire's {@code excludedGroups})
 */
public record TestFilters(
        List<String> methodIncludes, List<String> methodExcludes, List<String> groups, List<String> excludedGroups) {
    /** Runs everything it is given. */
    public static final TestFilters NONE = new TestFilters(List.of(), List.of(), List.of(), List.of());

    public TestFilters {
        methodIncludes = List.copyOf(methodIncludes);
        methodExcludes = List.copyOf(methodExcludes);
        groups = List.copyOf(groups);
        excludedGroups = List.copyOf(excludedGroups);
    }

    /** Whether any method pattern is set. */
    public boolean filtersMethods() {
        return !methodIncludes.isEmpty() || !methodExcludes.isEmpty();
    }

    /**
     * Surefire's reading of {@code groups} and {@code excludedGroups}: a comma-separated list of tag expressions.
     *
     * @param commaSeparated null or blank for none
     */
    public static List<String> tagExpressions(String commaSeparated) {
        List<String> expressions = new ArrayList<>();
        if (commaSeparated != null) {
            for (String expression : commaSeparated.split(",")) {
                if (!expression.isBlank()) {
                    expressions.add(expression.trim());
                }
            }
        }
        return expressions;
    }
}
