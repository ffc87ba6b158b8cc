package ci.fast.maven.booter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TestNG classes nested in a batch's classes. TestNG, given a class, runs the tests of its public static nested
 * classes too, and Surefire's TestNG provider reports them in the outer class's report; the JUnit Platform's TestNG
 * engine runs only the classes it is given, and Surefire's default excludes (every class with a {@code $} in its
 * name) keep nested classes out of the queue. So they are selected beside their outer class, and reported in its report.
 */
final class TestNgNestedClasses {
    private static final String TESTNG_ANNOTATIONS = "org.testng.annotations.";

    private TestNgNestedClasses() {}

    /**
     * The public static nested classes, at any depth, of the batch's classes that carry a TestNG annotation (on the
     * class or a method): nested class → its batch class. Empty when TestNG is not on the class path.
     */
    static Map<String, String> of(List<String> batch) {
        Map<String, String> nested = new LinkedHashMap<>();
        ClassLoader loader = TestsLoader.get();
        try {
            Class.forName(TESTNG_ANNOTATIONS + "Test", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return nested;
        }
        for (String name : batch) {
            try {
                collect(Class.forName(name, false, loader), name, nested);
            } catch (ClassNotFoundException | LinkageError e) {
                // the run reports a class that does not load; nothing nested to add
            }
        }
        return nested;
    }

    private static void collect(Class<?> outer, String key, Map<String, String> nested) {
        for (Class<?> inner : outer.getDeclaredClasses()) {
            int modifiers = inner.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && !Modifier.isAbstract(modifiers)) {
                if (isTestNg(inner)) {
                    nested.putIfAbsent(inner.getName(), key);
                }
                collect(inner, key, nested);
            }
        }
    }

    private static boolean isTestNg(Class<?> type) {
        if (hasTestNgAnnotation(type.getAnnotations())) {
            return true;
        }
        for (Method method : type.getMethods()) {
            if (hasTestNgAnnotation(method.getAnnotations())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTestNgAnnotation(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().startsWith(TESTNG_ANNOTATIONS)) {
                return true;
            }
        }
        return false;
    }
}
