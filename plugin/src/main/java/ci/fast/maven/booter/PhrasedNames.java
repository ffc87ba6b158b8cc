package ci.fast.maven.booter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * A test's phrased name: what Surefire's JUnit Platform provider gives a test as its display text, which the XML
 * report's testcase name is with {@code usePhrasedTestCaseMethodName} of Surefire's
 * {@code JUnit5Xml30StatelessReporter}.
 */
final class PhrasedNames {
    /** A container's legacy name that is a parameterized invocation's: {@code [1] a, b}. */
    private static final Pattern BRACKETED = Pattern.compile("^\\[.+]$");

    /** A test's legacy name that ends in an invocation's index: {@code test[3]}. */
    private static final Pattern INDEXED = Pattern.compile("^.*\\[\\d+]$");

    private PhrasedNames() {}

    /**
     * The phrased name of {@code id}, or null when it is its report name: a method's display name, after those of the
     * method containers above it ({@code add(int)[1] 1} for an invocation of a parameterized {@code add(int)}), for a
     * method with a display name or a parameterized one; a test of no method its display name.
     */
    static String of(TestIdentifier id, TestPlan plan, String reportName) {
        if (!id.isTest()) {
            return null;
        }
        Optional<TestSource> source = id.getSource();
        String display = id.getDisplayName();
        String phrased = source.isPresent() && source.get() instanceof MethodSource method
                ? ofMethod(id, plan, method, display)
                : display;
        return phrased.equals(reportName) ? null : phrased;
    }

    private static String ofMethod(TestIdentifier id, TestPlan plan, MethodSource method, String display) {
        List<TestIdentifier> ancestors = ancestors(id, plan);
        // The nearest first, as Surefire walks them.
        List<String> methodContainers = new ArrayList<>();
        boolean parameterizedParent = false;
        for (TestIdentifier at : ancestors) {
            if (at.getSource().isPresent() && at.getSource().get() instanceof MethodSource) {
                methodContainers.add(at.getDisplayName());
            }
            parameterizedParent |= at.getSource().isEmpty()
                    && BRACKETED.matcher(at.getLegacyReportingName()).matches();
        }
        String parents = String.join(" ", methodContainers);
        boolean separate = !parents.isBlank() && !display.startsWith("[");
        String methodDisplay = parents + (separate ? " " : "") + display;
        String legacy = id.getLegacyReportingName();
        boolean parameterized = !method.getMethodParameterTypes().isBlank()
                || parameterizedParent
                || INDEXED.matcher(legacy).matches();
        String methodName = method.getMethodName();
        boolean hasDisplayName = !methodDisplay.equals(legacy) || !legacy.startsWith(methodName + '(');
        return hasDisplayName ? methodDisplay : parameterized ? legacy : methodName;
    }

    private static List<TestIdentifier> ancestors(TestIdentifier id, TestPlan plan) {
        List<TestIdentifier> ancestors = new ArrayList<>();
        for (TestIdentifier at = plan.getParent(id).orElse(null);
                at != null;
                at = plan.getParent(at).orElse(null)) {
            ancestors.add(at);
        }
        return ancestors;
    }
}
