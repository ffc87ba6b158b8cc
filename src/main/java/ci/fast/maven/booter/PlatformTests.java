package ci.fast.maven.booter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import java.util.Map;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The tests' side of a node: runs batches of top-level test classes through the project's own JUnit Platform
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
     * Runs a batch, then its failed tests again up to {@code reruns} times each (stopping for a test once it passes),
     * and returns each class's final outcomes in the wire's shape.
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
            listener.rerun(rerun.outcomes());
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
}
