package ci.fast.maven.booter;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.testng.annotations.Test;

/**
 * The TestNG groups of a test method, as TestNG reads them: its {@code @Test}'s groups and those of the
 * {@code @Test} on its class and the class's superclasses. Loaded only where TestNG is.
 */
final class TestNgGroups {
    private TestNgGroups() {}

    /** The groups of {@code testClass}'s test methods named {@code method} (all overloads); empty when none has any. */
    static List<String> of(Class<?> testClass, String method) {
        Set<String> groups = new LinkedHashSet<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            Test onClass = c.getAnnotation(Test.class);
            if (onClass != null) {
                groups.addAll(List.of(onClass.groups()));
            }
        }
        for (Method candidate : testClass.getMethods()) {
            Test onMethod = candidate.getAnnotation(Test.class);
            if (candidate.getName().equals(method) && onMethod != null) {
                groups.addAll(List.of(onMethod.groups()));
            }
        }
        return new ArrayList<>(groups);
    }
}
