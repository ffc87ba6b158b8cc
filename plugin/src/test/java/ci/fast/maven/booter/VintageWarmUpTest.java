package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ci.fast.maven.booter.samples.JUnit4Samples;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The launcher's warm-up for a JUnit 4 project: its two classes are what the real Vintage engine discovers as a JUnit
 * 4 test and a JUnit 3 one (else the warm-up would load nothing of either runner), and a batch never reports them.
 */
class VintageWarmUpTest {
    @Test
    void theVintageEngineDiscoversOneJUnit4TestAndOneJUnit3Test() {
        TestPlan plan = LauncherFactory.create()
                .discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(VintageWarmUp.CLASSES.stream()
                                .map(name -> selectClass(name))
                                .toList())
                        .filters(EngineFilter.includeEngines("junit-vintage"))
                        .build());

        List<String> tests = plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .filter(TestIdentifier::isTest)
                .map(test -> test.getSource().orElse(null) instanceof MethodSource m
                        ? m.getClassName() + "#" + m.getMethodName()
                        : test.getUniqueId())
                .sorted()
                .toList();
        assertEquals(
                List.of(VintageWarmUp.CLASSES.get(0) + "#warms", VintageWarmUp.CLASSES.get(1) + "#testWarms"), tests);
    }

    @Test
    void aJUnit4BatchReportsNothingOfTheWarmUpsClasses() throws Exception {
        BatchRun run = BatchRun.of(List.of(JUnit4Samples.First.class.getName()), 0, true);

        // The system properties name the plugin's own test run (its -Dtest): only the events of tests and classes.
        String events = run.events().stream()
                .filter(event -> !(event instanceof ForkEvent.SystemProperties))
                .toList()
                .toString();
        assertFalse(run.events().isEmpty());
        assertFalse(events.contains(VintageWarmUp.class.getSimpleName()), events);
        assertFalse(run.wire().toString().contains(VintageWarmUp.class.getSimpleName()), run.wire()::toString);
    }
}
