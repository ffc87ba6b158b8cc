package ci.fast.maven.booter;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Which test classes may run split by method on several forks ({@code fastCi.splitClasses}): those whose methods do
 * not depend on running in one instance, in one order, in one JVM after one another, as far as their declarations
 * tell. A JUnit Jupiter class without {@code @TestMethodOrder}, without {@code @TestInstance(PER_CLASS)} and without
 * {@code @Nested} classes (on it, its superclasses or interfaces, or in an annotation composed of them), where the
 * configuration sets no default method order and no per-class lifecycle; a JUnit 4 (or 3) class run by the default
 * runner, without {@code @FixMethodOrder}. Any other engine's class (TestNG, Spock, a suite) is never split. The
 * caller adds that a class that failed as a whole (its {@code @BeforeAll} threw) is not split either.
 *
 * <p>Read from annotations by name: no JUnit type is needed to check, so it runs whatever the project's JUnit.
 */
final class SplitRule {
    private static final String JUPITER = "[engine:junit-jupiter]";
    private static final String VINTAGE = "[engine:junit-vintage]";
    private static final String LIFECYCLE = "junit.jupiter.testinstance.lifecycle.default";
    private static final String METHOD_ORDER = "junit.jupiter.testmethod.order.default";
    private static final Set<String> DEFAULT_RUNNERS =
            Set.of("org.junit.runners.JUnit4", "org.junit.runners.BlockJUnit4ClassRunner");

    /** A rule for the Platform's own configuration, its {@code junit-platform.properties} only. */
    static final SplitRule DEFAULT = new SplitRule(Map.of());

    private final Map<String, String> configurationParameters;
    /** Whether the configuration lets Jupiter classes split; computed once, on first use. Null before. */
    private volatile Boolean jupiterDefaults;

    /** @param configurationParameters Surefire's {@code configurationParameters}, which override the file's */
    SplitRule(Map<String, String> configurationParameters) {
        this.configurationParameters = Map.copyOf(configurationParameters);
    }

    /**
     * Whether {@code className}, whose top container has the unique id {@code uniqueId}, may be split; false for a
     * class that cannot be loaded.
     */
    boolean allows(String className, String uniqueId) {
        boolean jupiter = uniqueId.startsWith(JUPITER);
        if (!jupiter && !uniqueId.startsWith(VINTAGE)) {
            return false;
        }
        Class<?> test;
        try {
            test = Class.forName(className, false, TestsLoader.get());
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
        try {
            return jupiter ? jupiterAllows(test) : vintageAllows(test);
        } catch (RuntimeException | LinkageError e) {
            return false; // an annotation whose class is missing: nothing known, nothing split
        }
    }

    /**
     * Whether {@code className}'s declarations let it be split whichever of the two engines runs it: what a fork
     * checks of a part it is handed, before its engine is known.
     */
    boolean allowsDeclared(String className) {
        try {
            Class<?> test = Class.forName(className, false, TestsLoader.get());
            return jupiterAllows(test) && vintageAllows(test);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private boolean jupiterAllows(Class<?> test) {
        if (!jupiterDefaultsAllow()) {
            return false;
        }
        for (Annotation annotation : annotations(test)) {
            String name = annotation.annotationType().getName();
            if (name.equals("org.junit.jupiter.api.TestMethodOrder")
                    || name.equals("org.junit.jupiter.api.TestInstance") && "PER_CLASS".equals(value(annotation))) {
                return false;
            }
        }
        for (Class<?> type = test; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Class<?> inner : type.getDeclaredClasses()) {
                for (Annotation annotation : inner.getDeclaredAnnotations()) {
                    if (annotation.annotationType().getName().equals("org.junit.jupiter.api.Nested")) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean vintageAllows(Class<?> test) {
        if (hasSuiteMethod(test)) {
            return false; // JUnit runs its suite(), whose tests are other classes' methods: no part could select them
        }
        for (Annotation annotation : annotations(test)) {
            String name = annotation.annotationType().getName();
            if (name.equals("org.junit.FixMethodOrder")) {
                return false;
            }
            if (name.equals("org.junit.runner.RunWith")
                    && !(value(annotation) instanceof Class<?> runner && DEFAULT_RUNNERS.contains(runner.getName()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the class has JUnit 3's {@code public static Test suite()}, which JUnit 4 runs in its place. */
    private static boolean hasSuiteMethod(Class<?> test) {
        try {
            Method suite = test.getMethod("suite");
            return Modifier.isStatic(suite.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * The annotations on the class, its superclasses and interfaces, and those they are composed of, as Jupiter
     * finds them.
     */
    private static Set<Annotation> annotations(Class<?> test) {
        Set<Annotation> all = new HashSet<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> types = new ArrayDeque<>();
        types.add(test);
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            if (type == Object.class || !seen.add(type)) {
                continue;
            }
            for (Annotation annotation : type.getDeclaredAnnotations()) {
                all.add(annotation);
                Class<? extends Annotation> kind = annotation.annotationType();
                if (!kind.getName().startsWith("java.lang.")) {
                    types.add(kind); // its meta-annotations, as a composed annotation carries them
                }
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(List.of(type.getInterfaces()));
        }
        return all;
    }

    private static Object value(Annotation annotation) {
        try {
            Object value = annotation.annotationType().getMethod("value").invoke(annotation);
            return value instanceof Enum<?> e ? e.name() : value;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Whether neither the configuration parameters nor {@code junit-platform.properties} set a default that binds methods. */
    private boolean jupiterDefaultsAllow() {
        Boolean known = jupiterDefaults;
        if (known == null) {
            Properties file = new Properties();
            try (InputStream in = ClassLoader.getSystemResourceAsStream("junit-platform.properties")) {
                if (in != null) {
                    file.load(in);
                }
            } catch (IOException e) {
                // unreadable: the Platform itself cannot read it either
            }
            String lifecycle = configurationParameters.getOrDefault(LIFECYCLE, file.getProperty(LIFECYCLE, ""));
            String order = configurationParameters.getOrDefault(METHOD_ORDER, file.getProperty(METHOD_ORDER, ""));
            known = !lifecycle.strip().toLowerCase(Locale.ROOT).equals("per_class") && order.isBlank();
            jupiterDefaults = known;
        }
        return known;
    }
}
