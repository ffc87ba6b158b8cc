package ci.fast.maven.booter;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import junit.framework.Test;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestPlan;

/**
 * Which classes of a batch a JUnit 3 run runs, and how, as Surefire's JUnit 3 provider decides it: a JUnit 3 test (a
 * concrete class that is a {@code junit.framework.Test} or has a public static {@code suite()} returning one) runs
 * through junit.framework; any other concrete class with a public no-argument constructor runs as a POJO test (its
 * public {@code test*} methods); the rest (abstract classes, interfaces, classes with neither) does not run and is not
 * reported. Also the test plan the run tells its listener of: one container per class run, under an engine of its own
 * (so that no class is split by method: the split rule knows Jupiter's and Vintage's classes only), and the tests
 * added as they start.
 */
final class JUnit3Plan {
    /** The engine of a JUnit 3 run's plan. */
    static final UniqueId ENGINE = UniqueId.forEngine("fast-ci-junit3");

    /** How a class runs. */
    enum Kind {
        /** Through junit.framework: its {@code suite()}, a {@code TestSuite} of its methods, or the Test it is. */
        JUNIT,
        /** Its public {@code test*} methods, with {@code setUp()} and {@code tearDown()}, on a new instance each. */
        POJO
    }

    /** A class to run, its kind and its container in the plan. */
    record Entry(Class<?> type, Kind kind, Node root) {}

    private final EngineDescriptor engine;
    private final List<Entry> entries;
    private final TestPlan plan;

    private JUnit3Plan(EngineDescriptor engine, List<Entry> entries) {
        this.engine = engine;
        this.entries = List.copyOf(entries);
        this.plan = TestPlan.from(
                true, List.of(engine), DirectPlans.NoParameters.INSTANCE, DirectPlans.NoOutputDirectory.INSTANCE);
    }

    /**
     * The plan of a batch. A class that does not load is left out: the listener reports it as not loaded, as Surefire
     * reports a class its fork could not load.
     */
    static JUnit3Plan of(List<String> batch) {
        EngineDescriptor engine = new EngineDescriptor(ENGINE, "JUnit 3");
        List<Entry> entries = new ArrayList<>();
        for (String name : batch) {
            Class<?> type;
            try {
                type = Class.forName(name, false, TestsLoader.get());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            Kind kind = kindOf(type);
            if (kind == null) {
                continue;
            }
            Node root = new Node(
                    ENGINE.append("class", type.getName()),
                    type.getSimpleName(),
                    ClassSource.from(type),
                    type.getName(),
                    org.junit.platform.engine.TestDescriptor.Type.CONTAINER);
            engine.addChild(root);
            entries.add(new Entry(type, kind, root));
        }
        return new JUnit3Plan(engine, entries);
    }

    /** How Surefire's JUnit 3 provider runs the class, or null when it runs none of it. */
    static Kind kindOf(Class<?> type) {
        if (Modifier.isAbstract(type.getModifiers())) {
            return null; // interfaces too
        }
        try {
            if (Test.class.isAssignableFrom(type) || suiteOnly(type)) {
                return Kind.JUNIT;
            }
            type.getConstructor();
            return Kind.POJO;
        } catch (NoSuchMethodException | LinkageError | SecurityException e) {
            return null;
        }
    }

    /** Whether the class has a public static {@code suite()} that returns a {@code Test}. */
    private static boolean suiteOnly(Class<?> type) {
        try {
            Method suite = type.getMethod("suite");
            int modifiers = suite.getModifiers();
            return Modifier.isPublic(modifiers)
                    && Modifier.isStatic(modifiers)
                    && Test.class.isAssignableFrom(suite.getReturnType());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    EngineDescriptor engine() {
        return engine;
    }

    List<Entry> entries() {
        return entries;
    }

    TestPlan plan() {
        return plan;
    }

    /**
     * A descriptor of the plan: a class's container, or one report entry of a test (each start of a test, and each
     * further problem it reports, is one, as each is one testcase in Surefire's report).
     */
    static final class Node extends AbstractTestDescriptor {
        private final String legacyName;
        private final Type type;
        private final AtomicInteger children = new AtomicInteger();

        Node(UniqueId id, String displayName, TestSource source, String legacyName, Type type) {
            super(id, displayName, source);
            this.legacyName = legacyName;
            this.type = type;
        }

        /**
         * A new test entry under this class's container: named {@code name} in the report, of class
         * {@code className}; {@code name} is a method's (as {@code testAdds}), a POJO test's full name, or null (or
         * blank) for a test whose {@code toString()} names no method, reported with an empty name as Surefire does.
         */
        Node test(String className, String name) {
            String reported = name == null ? "" : name;
            UniqueId id = getUniqueId().append("test", children.incrementAndGet() + ":" + reported);
            // A display name and a source's method cannot be blank: such a test's are its class's name, which only
            // the Platform's own reports would show.
            String shown = reported.isBlank() ? className : reported;
            return new Node(id, shown, MethodSource.from(className, shown, ""), reported, Type.TEST);
        }

        @Override
        public String getLegacyReportingName() {
            return legacyName;
        }

        @Override
        public Type getType() {
            return type;
        }
    }
}
