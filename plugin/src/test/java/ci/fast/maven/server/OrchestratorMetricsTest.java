package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server's orchestrator registers its {@code fastci_…} metrics; the plugin's embedded one of a local run is built
 * without them (nothing scrapes it, and they would load Prometheus' client into Maven's JVM), and says so if asked to
 * register. Its runs are the ITs' and {@code LocalRun}'s tests.
 */
class OrchestratorMetricsTest {
    @Test
    void aServersOrchestratorRegistersItsMetrics() {
        PrometheusRegistry registry = new PrometheusRegistry();

        Orchestrator.builder().build().register(registry);

        List<String> names = registry.scrape().stream()
                .map(MetricSnapshot::getMetadata)
                .map(m -> m.getPrometheusName())
                .toList();
        assertTrue(names.contains("fastci_node_joins"), names::toString);
        assertTrue(names.contains("fastci_deq_reply_seconds"), names::toString);
    }

    @Test
    void oneBuiltWithoutMetricsRefusesToRegister() {
        Orchestrator orchestrator = Orchestrator.builder().withoutMetrics().build();

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> orchestrator.register(new PrometheusRegistry()));
        assertTrue(e.getMessage().contains("without metrics"), e.getMessage());
    }
}
