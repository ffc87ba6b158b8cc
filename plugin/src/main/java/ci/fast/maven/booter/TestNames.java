package ci.fast.maven.booter;

import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** How tests and classes are named in reports and on the wire. */
final class TestNames {
    private TestNames() {}

    /** The class a class container stands for, or null when {@code id} is no class container. */
    static String className(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        return source.isPresent() && source.get() instanceof ClassSource c ? c.getClassName() : null;
    }

    /** The per-test key on the wire: JUnit's legacy reporting name, such as {@code adds()}. */
    static String wireName(TestIdentifier id) {
        return id.getLegacyReportingName();
    }

    /**
     * The report name, as Surefire writes it: {@code adds} for a plain method, {@code add(int)[1]} otherwise, and ""
     * for a class that failed as a whole (a {@code @BeforeAll} that threw).
     */
    static String reportName(TestIdentifier id, TestPlan plan) {
        if (id.isContainer() && className(id) != null) {
            return "";
        }
        // A test may have a class as its source too: the Vintage engine's JUnit 3 test case whose getName() is not a
        // method's (guava-testlib's generated tests); its legacy name is that name, as Surefire reports it.
        // A JUnit 3 POJO test's name ends in "()" as well, but is its class's and method's: com.acme.Helper.testIt().
        String name = id.getLegacyReportingName();
        return name.endsWith("()") && name.indexOf('.') < 0 ? name.substring(0, name.length() - 2) : name;
    }

    /**
     * The {@code @DisplayName} of the class a test belongs to, or null when it has none: the display name differs
     * from the class's simple name. Surefire's JUnit Platform provider writes it as the testcase's classname.
     */
    static String classDisplayName(TestIdentifier id, TestPlan plan) {
        for (TestIdentifier at = id; at != null; at = plan.getParent(at).orElse(null)) {
            String name = className(at);
            // A test whose source is a class is not that class: its display name is the test's.
            if (name != null && at.isContainer()) {
                return isDefaultName(at.getDisplayName(), name) ? null : at.getDisplayName();
            }
        }
        return null;
    }

    /**
     * What Surefire calls a class container on the console ("Running …", "… -- in …"): its {@code @DisplayName}, or
     * its binary name when it has none.
     */
    static String setName(TestIdentifier id) {
        String name = className(id);
        return isDefaultName(id.getDisplayName(), name) ? name : id.getDisplayName();
    }

    /**
     * A class container's name as Surefire's JUnit Platform provider before 3.5.4 phrases it: the display names of
     * the class containers above it and its own, joined by spaces ({@code NestingTest Named inner}, {@code MembersTest
     * com.acme.AlphaChecks} for a Vintage suite's member); its binary name where they are no more than the classes'
     * own names ({@code NestingTest Inner} for {@code NestingTest$Inner}).
     */
    static String chainedName(TestIdentifier id, TestPlan plan) {
        String name = className(id);
        StringBuilder chain = new StringBuilder(id.getDisplayName());
        for (TestIdentifier at = plan.getParent(id).orElse(null);
                at != null;
                at = plan.getParent(at).orElse(null)) {
            if (className(at) != null) {
                chain.insert(0, at.getDisplayName() + " ");
            }
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return chain.toString().replace(' ', '$').equals(simple) ? name : chain.toString();
    }

    /**
     * Whether {@code display} is what the engines call {@code className} when it has no display name of its own:
     * {@code Inner} for a {@code @Nested} class, {@code Outer$Static} for a static member class, the binary name (the
     * Vintage engine).
     */
    private static boolean isDefaultName(String display, String className) {
        return display.equals(className)
                || display.equals(className.substring(className.lastIndexOf('.') + 1))
                || display.equals(className.substring(className.lastIndexOf('$') + 1));
    }

    /** The class a test belongs to in reports: the nearest class container, a nested class for @Nested tests. */
    static String reportClass(TestIdentifier id, TestPlan plan, String fallback) {
        for (TestIdentifier at = id; at != null; at = plan.getParent(at).orElse(null)) {
            Optional<TestSource> source = at.getSource();
            if (source.isPresent() && source.get() instanceof MethodSource m) {
                return m.getClassName();
            }
            String name = className(at);
            if (name != null) {
                return name;
            }
        }
        return fallback;
    }
}
