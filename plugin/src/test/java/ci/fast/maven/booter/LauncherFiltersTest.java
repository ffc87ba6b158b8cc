package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ci.fast.maven.discovery.MethodFilter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.surefire.api.testset.TestListResolver;
import org.apache.maven.surefire.shared.utils.StringUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.Filter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class LauncherFiltersTest {
    @Test
    void keepsOnlyTheMethodsSurefiresPatternsSelect() {
        TestFilters filters =
                new TestFilters(List.of("LauncherFiltersTest$Sample#fast*+plain"), List.of(), List.of(), List.of());

        assertEquals(Set.of("fastOne", "fastTwo", "plain"), discover(LauncherFilters.of(filters, isolatedPath())));
    }

    @Test
    void leavesOutMethodsExcludedWithABang() {
        TestFilters filters = new TestFilters(List.of("!%regex[.*Sample.*#slow.*]"), List.of(), List.of(), List.of());

        assertEquals(Set.of("fastOne", "fastTwo", "plain"), discover(LauncherFilters.of(filters, isolatedPath())));
    }

    @Test
    void keepsTestsMatchingOneOfTheGroupsAndNoneOfTheExcludedGroups() {
        TestFilters groups = new TestFilters(List.of(), List.of(), List.of("fast", "slow & !nightly"), List.of());
        TestFilters excluded = new TestFilters(List.of(), List.of(), List.of(), List.of("fast", "nightly"));

        assertEquals(Set.of("fastOne", "fastTwo", "slowDaily"), discover(LauncherFilters.of(groups, isolatedPath())));
        assertEquals(Set.of("plain", "slowDaily"), discover(LauncherFilters.of(excluded, isolatedPath())));
    }

    @Test
    void namesTheParameterOfATagExpressionThatDoesNotParse() {
        TestFilters filters = new TestFilters(List.of(), List.of(), List.of(), List.of("fast &"));

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LauncherFilters.of(filters, List.of()));

        assertTrue(
                e.getMessage().startsWith("excludedGroups is not a list of JUnit Platform tag expressions"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\"fast &\""), e.getMessage());
    }

    @Test
    void runsEverythingWithoutFilters() {
        assertEquals(
                Set.of("fastOne", "fastTwo", "plain", "slowDaily", "slowNightly"),
                discover(LauncherFilters.of(TestFilters.NONE, List.of())));
    }

    @Test
    void matchesThroughAFilterBuiltOnTheMavenSide() {
        List<Filter<?>> filters =
                List.of(LauncherFilters.methodFilter(new MethodFilter(List.of("*Sample#plain"), List.of())));

        assertEquals(Set.of("plain"), discover(filters));
    }

    private static Set<String> discover(List<Filter<?>> filters) {
        TestPlan plan = LauncherFactory.create()
                .discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(Sample.class))
                        .filters(filters.toArray(new Filter<?>[0]))
                        .build());
        Set<String> names = new TreeSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (test.isTest()) {
                    names.add(test.getDisplayName().replace("()", ""));
                }
            }
        }
        return names;
    }

    /** The plugin's classes and surefire-api with its dependencies, as the fork's isolated path holds them. */
    private static List<Path> isolatedPath() {
        return List.of(location(MethodFilter.class), location(TestListResolver.class), location(StringUtils.class));
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Discovered, never run: only a selector naming it reaches it. */
    static class Sample {
        @Test
        @Tag("fast")
        void fastOne() {}

        @Test
        @Tag("fast")
        void fastTwo() {}

        @Test
        void plain() {}

        @Test
        @Tag("slow")
        void slowDaily() {}

        @Test
        @Tag("slow")
        @Tag("nightly")
        void slowNightly() {}
    }
}
