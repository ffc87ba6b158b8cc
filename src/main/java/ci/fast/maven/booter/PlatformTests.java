package ci.fast.maven.booter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The tests' side of a node: discovers and runs top-level test classes through the project's own JUnit Platform
 * Launcher, one launcher for the fork's whole life.
 */
final class PlatformTests {
    private final Launcher launcher = LauncherFactory.create();
    private final EventSink sink;
    private final OutputRouter output;
    private final Filter<?>[] filters;
    private final int reruns;

    /**
     * @param filters applied to every discovery and run: tags and method patterns
     * @param reruns how often a failed test runs again in this fork, as Surefire's rerunFailingTestsCount
     */
    PlatformTests(EventSink sink, OutputRouter output, List<Filter<?>> filters, int reruns) {
        this.sink = sink;
        this.output = output;
        this.filters = filters.toArray(new Filter<?>[0]);
        this.reruns = reruns;
    }

    /**
     * The wire names of the tests in each class. A class that cannot even be loaded is kept, with no names, so that it
     * is enqueued and reported as an error when it runs instead of vanishing.
     */
    Map<String, List<String>> discover(List<String> classes) {
        TestPlan plan = launcher.discover(request(classes));
        Map<String, List<String>> tests = new LinkedHashMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier child : plan.getChildren(root)) {
                String key = TestNames.className(child);
                if (key == null || !classes.contains(key)) {
                    continue;
                }
                List<String> names = tests.computeIfAbsent(key, k -> new ArrayList<>());
                for (TestIdentifier test : plan.getDescendants(child)) {
                    if (test.isTest() || TestNames.isTemplate(test)) {
                        names.add(TestNames.wireName(test));
                    }
                }
            }
        }
        tests.values().removeIf(List::isEmpty); // a class without tests is no test class
        for (String key : classes) {
            if (!tests.containsKey(key) && !loads(key)) {
                tests.put(key, List.of());
            }
        }
        return tests;
    }

    /**
     * Runs a batch, then its failed tests (and classes that failed as a whole, such as in a {@code @BeforeAll}) again up
     * to {@code reruns} times each, stopping for one once it passes, as Surefire does, and returns each class's final
     * outcomes in the wire's shape.
     */
    Map<String, List<Map<String, Object>>> run(List<String> batch) {
        BatchListener listener = new BatchListener(batch, sink, output, reruns);
        launcher.execute(request(batch), listener);
        for (int attempt = 0; attempt < reruns; attempt++) {
            Map<String, String> failing = listener.failing();
            if (failing.isEmpty()) {
                break;
            }
            RerunListener rerun = new RerunListener(failing, sink, output);
            launcher.execute(
                    LauncherDiscoveryRequestBuilder.request()
                            .selectors(failing.keySet().stream()
                                    .map(id -> selectUniqueId(id))
                                    .toList())
                            .build(),
                    rerun);
            listener.rerun(rerun.outcomes(), rerun.added());
        }
        return listener.finish();
    }

    private LauncherDiscoveryRequest request(List<String> classes) {
        List<ClassSelector> selectors =
                classes.stream().map(name -> selectClass(name)).toList();
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(filters)
                .build();
    }

    private static boolean loads(String className) {
        try {
            Class.forName(className, false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
