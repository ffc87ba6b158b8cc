package ci.fast.maven.booter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Follows one rerun of failed tests: sends each rerun test's outcome to Maven as a {@link ForkEvent.TestRerun} and
 * keeps it for the final status. Output printed while a class reruns belongs to that class; the native output
 * markers are not written again, since the class's own markers are already past.
 */
final class RerunListener implements TestExecutionListener {
    /** The tests to rerun: unique id → the batch class they belong to. */
    private final Map<String, String> targets;

    private final Set<String> classes;
    private final EventSink sink;
    private final OutputRouter output;
    private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
    /** The output token of each test running now, by unique id. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Outcomes by unique id. Guarded by {@code this}. */
    private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
    /** Set when the plan starts; null before. */
    private volatile TestPlan plan;

    RerunListener(Map<String, String> targets, EventSink sink, OutputRouter output) {
        this.targets = Map.copyOf(targets);
        this.classes = Set.copyOf(targets.values());
        this.sink = sink;
        this.output = output;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        startNanos.put(id.getUniqueId(), System.nanoTime());
        String name = TestNames.className(id);
        if (name != null && classes.contains(name)) {
            output.resume(name);
        }
        if (id.isTest()) {
            tokens.put(id.getUniqueId(), output.testStarted());
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String token = id.isTest() ? tokens.remove(id.getUniqueId()) : null;
        if (id.isTest()) {
            output.testFinished();
        }
        String key = targets.get(id.getUniqueId());
        if (key != null) {
            Long start = startNanos.get(id.getUniqueId());
            double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
            TestOutcome outcome = Outcomes.of(id, result, plan, key, seconds);
            synchronized (this) {
                outcomes.put(id.getUniqueId(), outcome);
            }
            sink.send(new ForkEvent.TestRerun(key, token, outcome));
        }
        String name = TestNames.className(id);
        if (name != null && classes.contains(name)) {
            output.suspend();
        }
    }

    /** The rerun's outcomes by unique id; a test the engines did not run again is missing. */
    synchronized Map<String, TestOutcome> outcomes() {
        return Map.copyOf(outcomes);
    }
}
