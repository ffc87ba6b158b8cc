package ci.fast.maven.booter;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;

/**
 * Turns {@link TestFilters} into the launcher's discovery filters, as Surefire's JUnit Platform provider does: tag
 * filters for groups (JUnit 4 categories arrive through Vintage as tags named by the category's class), and a
 * post-discovery filter on every method-sourced descriptor for Surefire's method patterns.
 *
 * <p>The method patterns are matched by Surefire's own resolver, which must stay out of the tests' sight: it is
 * loaded with the plugin's jars in a class loader of its own whose parent is the platform loader, and called
 * through a JDK {@link BiPredicate}.
 */
final class LauncherFilters {
    /** The matcher inside the isolated loader; takes two {@code List<String>}. */
    static final String METHOD_FILTER = "ci.fast.maven.discovery.MethodFilter";

    private LauncherFilters() {}

    /**
     * @param isolatedPath the plugin's jars, with surefire-api among them
     * @throws IllegalArgumentException when a tag expression is not valid, or the matcher cannot be loaded
     */
    /** The filters of {@link #of(TestFilters, List)}, then Surefire's engine includes and excludes. */
    static List<Filter<?>> of(TestRunOptions tests, List<Path> isolatedPath) {
        List<Filter<?>> result = new ArrayList<>(of(tests.filters(), isolatedPath));
        if (!tests.includeEngines().isEmpty()) {
            result.add(EngineFilter.includeEngines(tests.includeEngines()));
        }
        if (!tests.excludeEngines().isEmpty()) {
            result.add(EngineFilter.excludeEngines(tests.excludeEngines()));
        }
        return result;
    }

    static List<Filter<?>> of(TestFilters filters, List<Path> isolatedPath) {
        List<Filter<?>> result = new ArrayList<>();
        if (!filters.groups().isEmpty()) {
            result.add(tags("groups", () -> TagFilter.includeTags(filters.groups())));
        }
        if (!filters.excludedGroups().isEmpty()) {
            result.add(tags("excludedGroups", () -> TagFilter.excludeTags(filters.excludedGroups())));
        }
        if (filters.filtersMethods()) {
            result.add(methodFilter(methods(filters, isolatedPath)));
        }
        return result;
    }

    /** The platform parses tag expressions only here, in the fork: its message gets the parameter's name. */
    private static PostDiscoveryFilter tags(String parameter, Supplier<PostDiscoveryFilter> filter) {
        try {
            return filter.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    parameter + " is not a list of JUnit Platform tag expressions (such as fast | slow & !nightly): "
                            + e.getMessage());
        }
    }

    /** Keeps a descriptor unless it is a method the patterns leave out; containers stay, and empty ones are pruned. */
    static PostDiscoveryFilter methodFilter(BiPredicate<String, String> methods) {
        return descriptor -> FilterResult.includedIf(shouldRun(descriptor, methods));
    }

    private static boolean shouldRun(TestDescriptor descriptor, BiPredicate<String, String> methods) {
        return descriptor
                .getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .map(source -> methods.test(source.getClassName(), source.getMethodName()))
                .orElse(true);
    }

    @SuppressWarnings("unchecked")
    private static BiPredicate<String, String> methods(TestFilters filters, List<Path> isolatedPath) {
        URL[] urls = isolatedPath.stream().map(LauncherFilters::url).toArray(URL[]::new);
        // never closed: the filter is used until the fork ends
        ClassLoader isolated = new URLClassLoader("fast-ci-filter", urls, ClassLoader.getPlatformClassLoader());
        try {
            return (BiPredicate<String, String>) isolated.loadClass(METHOD_FILTER)
                    .getConstructor(List.class, List.class)
                    .newInstance(filters.methodIncludes(), filters.methodExcludes());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot load the method filter from " + isolatedPath + ": " + e, e);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
