package ci.fast.maven.booter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Follows one rerun of failed tests: sends each rerun test's outcome to Maven as a {@link ForkEvent.TestRerun} and
 * keeps it for the final status. A class that failed as a whole (a {@code @BeforeAll} that threw) reruns as a whole,
 * as under Surefire: a failure again is a rerun of its failure; if it passes, its tests that ran are new tests of the
 * class, sent as {@link ForkEvent.TestFinished}. Output printed while a class reruns belongs to that class; the native
 * output markers are not written again, since the class's own markers are already past.
 */
final class RerunListener implements TestExecutionListener {
    /** The tests to rerun: unique id → the batch class they belong to. */
    private final Map<String, String> targets;

    /** The rerun classes by name → their batch key (a part of a class has its own). */
    private final Map<String, String> classes;

    private final EventSink sink;
    private final OutputRouter output;
    private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
    /** The output token of each test running now, by unique id. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Outcomes by unique id. Guarded by {@code this}. */
    private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
    /** Tests run in the rerun of a whole class, by batch class. Guarded by {@code this}. */
    private final Map<String, List<TestOutcome>> added = new LinkedHashMap<>();
    /** Set when the plan starts; null before. */
    private volatile TestPlan plan;

    RerunListener(Map<String, String> targets, EventSink sink, OutputRouter output) {
        this.targets = Map.copyOf(targets);
        this.classes =
                targets.values().stream().collect(Collectors.toMap(SplitKey::className, key -> key, (a, b) -> a));
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
        if (name != null && classes.containsKey(name)) {
            output.resume(classes.get(name));
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
            TestOutcome outcome = Outcomes.of(id, result, plan, key, seconds(id));
            synchronized (this) {
                outcomes.put(id.getUniqueId(), outcome);
            }
            // A class that passes its rerun is no run of its failure: its tests tell what ran.
            if (id.isTest() || !TestOutcome.PASSED.equals(outcome.status())) {
                sink.send(new ForkEvent.TestRerun(key, token, outcome));
            }
        } else if (id.isTest()) {
            String owner = rerunClassOf(id);
            if (owner != null) {
                TestOutcome outcome = Outcomes.of(id, result, plan, owner, seconds(id));
                synchronized (this) {
                    added.computeIfAbsent(owner, k -> new ArrayList<>()).add(outcome);
                }
                sink.send(new ForkEvent.TestFinished(owner, token, outcome));
            }
        }
        String name = TestNames.className(id);
        if (name != null && classes.containsKey(name)) {
            output.suspend();
        }
    }

    /** The rerun's outcomes by unique id; a test the engines did not run again is missing. */
    synchronized Map<String, TestOutcome> outcomes() {
        return Map.copyOf(outcomes);
    }

    /** The tests that ran in the rerun of a whole class, by batch class. */
    synchronized Map<String, List<TestOutcome>> added() {
        Map<String, List<TestOutcome>> copy = new LinkedHashMap<>();
        added.forEach((key, tests) -> copy.put(key, List.copyOf(tests)));
        return copy;
    }

    /** The batch class of the rerun class {@code test} is in, or null if it is no test of a class rerun as a whole. */
    private String rerunClassOf(TestIdentifier test) {
        for (TestIdentifier at = plan.getParent(test).orElse(null);
                at != null;
                at = plan.getParent(at).orElse(null)) {
            String key = targets.get(at.getUniqueId());
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    private double seconds(TestIdentifier id) {
        Long start = startNanos.get(id.getUniqueId());
        return start == null ? 0 : (System.nanoTime() - start) / 1e9;
    }
}
