package ci.fast.maven.booter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Follows one batch's execution: reports each test to Maven as it finishes, brackets each top-level class for
 * output capture, and collects the outcomes for the orchestrator. Every class of the batch ends with at least one
 * outcome, even one the engines never reported.
 */
final class BatchListener implements TestExecutionListener {
    private final Set<String> batch;
    private final EventSink sink;
    private final OutputRouter output;
    private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
    /** Outcomes per class, in batch order. Guarded by {@code this}. */
    private final Map<String, List<TestOutcome>> outcomes = new LinkedHashMap<>();

    private final Set<String> finished = new LinkedHashSet<>();
    /** The first failure of a container above the classes (an engine), or null. */
    private volatile Throwable engineFailure;
    /** Set when the plan starts; null before. */
    private volatile TestPlan plan;

    BatchListener(List<String> batch, EventSink sink, OutputRouter output) {
        this.batch = new LinkedHashSet<>(batch);
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
        String top = topClass(id);
        if (top != null) {
            startClass(top);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        String key = keyOf(id);
        if (key == null) {
            return;
        }
        boolean top = key.equals(topClass(id));
        if (top) {
            startClass(key);
        }
        List<TestIdentifier> tests = id.isTest()
                ? List.of(id)
                : plan.getDescendants(id).stream()
                        .filter(TestIdentifier::isTest)
                        .toList();
        if (tests.isEmpty()) {
            tests = List.of(id);
        }
        for (TestIdentifier test : tests) {
            add(
                    key,
                    new TestOutcome(
                            TestNames.reportName(test),
                            TestNames.wireName(test),
                            TestNames.reportClass(test, plan, key),
                            TestOutcome.SKIPPED,
                            0,
                            null,
                            null,
                            null,
                            reason));
        }
        if (top) {
            finishClass(key, id);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String key = keyOf(id);
        if (key == null) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED && engineFailure == null) {
                engineFailure = result.getThrowable().orElse(null);
            }
            return;
        }
        // A failed container (a @BeforeAll that threw, a class that did not initialize) is reported as one test.
        if (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            add(key, outcome(id, result, key));
        }
        if (key.equals(topClass(id))) {
            finishClass(key, id);
        }
    }

    /** Reports the classes no engine ran, and returns every class's outcomes in the wire's shape. */
    synchronized Map<String, List<Map<String, Object>>> finish() {
        for (String key : batch) {
            if (!finished.contains(key)) {
                startClass(key);
                Throwable cause = engineFailure;
                String message = cause != null
                        ? String.valueOf(cause.getMessage())
                        : "no test engine ran this class: it could not be loaded or holds no tests";
                add(
                        key,
                        new TestOutcome(
                                simpleName(key),
                                simpleName(key),
                                key,
                                TestOutcome.ERROR,
                                0,
                                cause != null ? cause.getClass().getName() : "java.lang.IllegalStateException",
                                message,
                                cause != null ? trace(cause) : message,
                                null));
                sink.send(new ForkEvent.ClassFinished(key, 0));
                output.exit(key);
                finished.add(key);
            }
        }
        Map<String, List<Map<String, Object>>> wire = new LinkedHashMap<>();
        for (String key : batch) {
            List<Map<String, Object>> tests = new ArrayList<>();
            for (TestOutcome t : outcomes.getOrDefault(key, List.of())) {
                tests.add(t.wire());
            }
            wire.put(key, tests);
        }
        return wire;
    }

    private synchronized void startClass(String key) {
        if (outcomes.containsKey(key)) {
            return;
        }
        outcomes.put(key, new ArrayList<>());
        sink.send(new ForkEvent.ClassStarted(key));
        output.enter(key);
    }

    private synchronized void finishClass(String key, TestIdentifier id) {
        if (!finished.add(key)) {
            return;
        }
        sink.send(new ForkEvent.ClassFinished(key, seconds(id)));
        output.exit(key);
    }

    private synchronized void add(String key, TestOutcome outcome) {
        outcomes.computeIfAbsent(key, k -> new ArrayList<>()).add(outcome);
        sink.send(new ForkEvent.TestFinished(key, outcome));
    }

    private TestOutcome outcome(TestIdentifier id, TestExecutionResult result, String key) {
        String reportClass = TestNames.reportClass(id, plan, key);
        double seconds = seconds(id);
        Throwable thrown = result.getThrowable().orElse(null);
        return switch (result.getStatus()) {
            case SUCCESSFUL ->
                new TestOutcome(
                        TestNames.reportName(id),
                        TestNames.wireName(id),
                        reportClass,
                        TestOutcome.PASSED,
                        seconds,
                        null,
                        null,
                        null,
                        null);
            case ABORTED ->
                new TestOutcome(
                        TestNames.reportName(id),
                        TestNames.wireName(id),
                        reportClass,
                        TestOutcome.SKIPPED,
                        seconds,
                        null,
                        null,
                        null,
                        thrown == null ? null : thrown.getMessage());
            case FAILED ->
                new TestOutcome(
                        TestNames.reportName(id),
                        TestNames.wireName(id),
                        reportClass,
                        thrown instanceof AssertionError ? TestOutcome.FAILED : TestOutcome.ERROR,
                        seconds,
                        thrown == null ? null : thrown.getClass().getName(),
                        thrown == null ? null : thrown.getMessage(),
                        thrown == null ? null : trace(thrown),
                        null);
        };
    }

    /** The batch class {@code id} stands for itself, or null. */
    private String topClass(TestIdentifier id) {
        String name = TestNames.className(id);
        return name != null && batch.contains(name) ? name : null;
    }

    /** The batch class {@code id} belongs to, or null for engines. */
    private String keyOf(TestIdentifier id) {
        for (TestIdentifier at = id; at != null; at = plan.getParent(at).orElse(null)) {
            String top = topClass(at);
            if (top != null) {
                return top;
            }
        }
        return null;
    }

    private double seconds(TestIdentifier id) {
        Long start = startNanos.get(id.getUniqueId());
        return start == null ? 0 : (System.nanoTime() - start) / 1e9;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String trace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
