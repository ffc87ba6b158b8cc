package ci.fast.maven.discovery;

import java.util.List;
import java.util.function.BiPredicate;
import org.apache.maven.surefire.api.testset.TestListResolver;

/**
 * Surefire's method-level selection ({@code -Dtest=FooTest#a+b*}, {@code %regex[...]}, {@code !} exclusions): tells
 * whether a test method of a class runs, with Surefire's own {@link TestListResolver}.
 *
 * <p>It runs in the fork, but not beside the tests: the booter loads it in a class loader of the plugin's own jars
 * (whose parent is the platform loader), so surefire-api stays out of the tests' sight, and calls it through
 * {@link BiPredicate}, a JDK type both sides share. Its constructor takes JDK types only for the same reason.
 */
public final class MethodFilter implements BiPredicate<String, String> {
    private final TestListResolver resolver;

    /**
     * @param includes {@link TestSelection#methodIncludes()}
     * @param excludes {@link TestSelection#methodExcludes()}
     */
    public MethodFilter(List<String> includes, List<String> excludes) {
        resolver = new TestListResolver(includes, excludes);
    }

    /**
     * A method of a nested class ({@code @Nested}) runs also when its top-level class is chosen: {@code -Dtest=Outer}
     * runs {@code Outer}'s nested classes, as under Surefire, since a nested class travels with its top-level class.
     *
     * @param className the fully qualified name of the class the method runs in
     * @param methodName the method's name, without parameters
     */
    @Override
    public boolean test(String className, String methodName) {
        String classFile = TestListResolver.toClassFileName(className);
        if (resolver.shouldRun(classFile, methodName)) {
            return true;
        }
        int nested = className.indexOf('$');
        // By its top-level class, unless a pattern leaves the nested class's method out itself.
        return nested > 0
                && resolver.shouldRun(TestListResolver.toClassFileName(className.substring(0, nested)), methodName)
                && resolver.getExcludedPatterns().stream()
                        .noneMatch(excluded -> excluded.matchAsExclusive(classFile, methodName));
    }
}
