package ci.fast.maven.booter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Follows one batch's execution: reports each test to Maven as it finishes, brackets each top-level class for
 * output capture, and collects the outcomes for the orchestrator. Every class of the batch ends with at least one
 * outcome, even one the engines never reported. With reruns, a class with failed tests is finished (to Maven) only
 * after {@link #rerun} has run them again, so that its report holds every run.
 */
final class BatchListener implements TestExecutionListener {
    private final Set<String> batch;
    private final BatchClasses classes;
    private final EventSink sink;
    private final OutputRouter output;
    private final int reruns;
    private final SentProperties sentProperties;
    private final SplitRule splitRule;
    /** Each class's test methods' seconds by name, summed over their invocations. Guarded by {@code this}. */
    private final Map<String, Map<String, Double>> methodSeconds = new HashMap<>();
    /**
     * The classes that may be split: those the rule allows that did not fail as a whole, and whose every test has a
     * method. Guarded by {@code this}.
     */
    private final Set<String> splittable = new HashSet<>();
    /** Classes with a test that no method holds, which selecting methods by name could not run. Guarded by {@code this}. */
    private final Set<String> methodless = new HashSet<>();

    private final Map<TestIdentifier, Long> startNanos = new ConcurrentHashMap<>();
    /** What started and has not finished yet, for {@link #interrupted}. Identifiers hash and compare by their unique ids. */
    private final Set<TestIdentifier> open = ConcurrentHashMap.newKeySet();
    /** The output token of each test running now. */
    private final Map<TestIdentifier, String> tokens = new ConcurrentHashMap<>();
    /** Outcomes per class, in batch order. Guarded by {@code this}. */
    private final Map<String, List<TestOutcome>> outcomes = new LinkedHashMap<>();

    private final Set<String> finished = new LinkedHashSet<>();
    /** Failed tests still to rerun: unique id → where its outcome is. Guarded by {@code this}. */
    private final Map<String, Slot> failing = new LinkedHashMap<>();
    /** The per-JVM cache each finished class used ({@link ContextKey}), by class. Guarded by {@code this}. */
    private final Map<String, String> contexts = new HashMap<>();
    /** The outcomes that passed only on a rerun, by class: indexes into {@link #outcomes}. Guarded by {@code this}. */
    private final Map<String, Set<Integer>> flaky = new HashMap<>();
    /** Classes whose finish waits for reruns: key → seconds. Guarded by {@code this}. */
    private final Map<String, Double> deferred = new LinkedHashMap<>();
    /** The first failure of a container above the classes (an engine), or null. */
    private volatile Throwable engineFailure;
    /** Set when the plan starts; null before. */
    private volatile TestPlan plan;
    /**
     * The outermost containers of each batch class still to finish: most have one, a TestNG class one more for each
     * of its static nested classes. Set when the plan starts. Guarded by {@code this}.
     */
    private final Map<String, Integer> unfinished = new HashMap<>();
    /** When each class (or run of suite files) started, by batch entry. Guarded by {@code this}. */
    private final Map<String, Long> classStarts = new HashMap<>();

    /**
     * Where a failed test's outcome sits in {@link #outcomes}; {@code container} for a class that failed as a whole (a
     * {@code @BeforeAll} that threw), which reruns as a whole.
     */
    private record Slot(String key, int index, boolean container) {}

    /**
     * @param reruns how often a failed test may run again, 0 for never
     * @param sentProperties the system properties this fork last sent, shared by its batches
     */
    BatchListener(List<String> batch, EventSink sink, OutputRouter output, int reruns, SentProperties sentProperties) {
        this(
                new BatchClasses(batch, Map.of(), Set.of(), false),
                batch,
                sink,
                output,
                reruns,
                sentProperties,
                SplitRule.DEFAULT);
    }

    /**
     * @param classes which report each container belongs to, and which are test sets of their own
     * @param splitRule which classes may be split by method: theirs send their methods' times when they finish
     */
    BatchListener(
            BatchClasses classes,
            List<String> batch,
            EventSink sink,
            OutputRouter output,
            int reruns,
            SentProperties sentProperties,
            SplitRule splitRule) {
        this.classes = classes;
        this.splitRule = splitRule;
        this.batch = new LinkedHashSet<>(batch);
        this.sink = sink;
        this.output = output;
        this.reruns = reruns;
        this.sentProperties = sentProperties;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        classes.planStarted(testPlan);
        synchronized (this) {
            for (TestIdentifier root : testPlan.getRoots()) {
                for (TestIdentifier id : testPlan.getDescendants(root)) {
                    String top = classes.topClass(id);
                    if (top != null) {
                        unfinished.merge(top, 1, Integer::sum);
                    }
                }
            }
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        startNanos.put(id, System.nanoTime());
        open.add(id);
        String top = topClass(id);
        if (top != null) {
            startClass(top);
        }
        String key = keyOf(id);
        if (key != null && classes.isSet(id)) {
            sink.send(new ForkEvent.SetStarted(key, TestNames.setName(id)));
        }
        if (id.isTest()) {
            tokens.put(id, output.testStarted());
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
        boolean set = classes.isSet(id);
        if (set) {
            sink.send(new ForkEvent.SetStarted(key, TestNames.setName(id)));
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
                    null,
                    new TestOutcome(
                                    TestNames.reportName(test, plan),
                                    TestNames.wireName(test),
                                    TestNames.reportClass(test, plan, SplitKey.className(key)),
                                    TestOutcome.SKIPPED,
                                    0,
                                    null,
                                    null,
                                    null,
                                    reason)
                            // Surefire stamps a skipped test with when its skip is reported: it never started.
                            .withStartedAt(System.currentTimeMillis())
                            .withPhrasedName(PhrasedNames.of(test, plan, TestNames.reportName(test, plan))));
        }
        if (set) {
            sink.send(new ForkEvent.SetFinished(
                    key, TestNames.setName(id), TestNames.className(id), TestNames.chainedName(id, plan), 0));
        }
        if (top) {
            finishClass(key, id);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        executionFinished(id, result, UnaryOperator.identity());
    }

    /**
     * As {@link #executionFinished(TestIdentifier, TestExecutionResult)}, with the outcome {@code asReported} makes of
     * the one the result gives: a run that knows more than a Platform result tells (JUnit 3's failure or error, which
     * is no matter of the exception's type) says it there.
     */
    void executionFinished(TestIdentifier id, TestExecutionResult result, UnaryOperator<TestOutcome> asReported) {
        open.remove(id);
        String token = id.isTest() ? tokens.remove(id) : null;
        if (id.isTest()) {
            output.testFinished();
        }
        String key = keyOf(id);
        if (key == null) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED && engineFailure == null) {
                engineFailure = result.getThrowable().orElse(null);
            }
            return;
        }
        // A failed container (a @BeforeAll that threw, a class that did not initialize) is reported as one test; an
        // aborted one (an assumption in @BeforeAll) is not reported at all, as under Surefire.
        if (id.isTest()) {
            methodTime(key, id);
        }
        if (id.isTest() || result.getStatus() == TestExecutionResult.Status.FAILED) {
            int index = add(
                    key, token, asReported.apply(Outcomes.of(id, result, plan, SplitKey.className(key), seconds(id))));
            if (reruns > 0 && result.getStatus() == TestExecutionResult.Status.FAILED) {
                synchronized (this) {
                    failing.put(id.getUniqueId(), new Slot(key, index, !id.isTest()));
                }
            }
        }
        if (classes.isSet(id)) {
            sink.send(new ForkEvent.SetFinished(
                    key, TestNames.setName(id), TestNames.className(id), TestNames.chainedName(id, plan), seconds(id)));
        }
        if (key.equals(topClass(id))) {
            if (result.getStatus() != TestExecutionResult.Status.FAILED
                    && splitRule.allows(SplitKey.className(key), id.getUniqueId())) {
                synchronized (this) {
                    splittable.add(key);
                }
            }
            finishClass(key, id);
        }
    }

    /**
     * The Platform rethrew {@code error} out of the whole execution (a test's {@link OutOfMemoryError}, which JUnit
     * counts as unrecoverable): what it left running finishes here, the tests failed with it as with any error a test
     * throws, their containers done. Returns the batch's classes that had not started, which leave this batch: the
     * caller runs them in another execution, as the next classes of a fork run after a test's error.
     *
     * @throws Error {@code error} itself when it came before the execution started
     */
    synchronized List<String> interrupted(Error error) {
        if (plan == null) {
            throw error;
        }
        // Deepest first: a child's unique id extends its parent's.
        List<TestIdentifier> running = open.stream()
                .sorted(java.util.Comparator.comparingInt(
                                (TestIdentifier id) -> id.getUniqueId().length())
                        .reversed())
                .toList();
        for (TestIdentifier id : running) {
            executionFinished(id, id.isTest() ? TestExecutionResult.failed(error) : TestExecutionResult.successful());
        }
        List<String> left =
                batch.stream().filter(key -> !outcomes.containsKey(key)).toList();
        left.forEach(batch::remove);
        return left;
    }

    /** Adds a test's seconds to its method's, the nearest method above it (a dynamic test's factory, say). */
    private synchronized void methodTime(String key, TestIdentifier test) {
        for (TestIdentifier at = test; at != null; at = plan.getParent(at).orElse(null)) {
            if (at.getSource().orElse(null) instanceof MethodSource method) {
                if (!method.getClassName().equals(SplitKey.className(key))) {
                    break; // another class's method (a suite's member): no part of this class could select it
                }
                methodSeconds
                        .computeIfAbsent(key, k -> new TreeMap<>())
                        .merge(method.getMethodName(), seconds(test), Double::sum);
                return;
            }
        }
        methodless.add(key);
    }

    /**
     * The failed tests and classes left to rerun: unique id → batch class. Empty when reruns are off or all passed.
     */
    synchronized Map<String, String> failing() {
        Map<String, String> targets = new LinkedHashMap<>();
        failing.forEach((uniqueId, slot) -> targets.put(uniqueId, slot.key()));
        return targets;
    }

    /**
     * Takes one rerun's outcomes: a test that passed is done, and its passing outcome is what the orchestrator gets;
     * the others stay failing with their first failure. A class that failed as a whole and passed on its rerun is done
     * too, but its failure stands, as under Surefire, and the tests that ran in the rerun are added to it.
     *
     * @param added the tests run in a rerun of a whole class, by batch class
     */
    synchronized void rerun(Map<String, TestOutcome> outcomes, Map<String, List<TestOutcome>> added) {
        outcomes.forEach((uniqueId, outcome) -> {
            Slot slot = failing.get(uniqueId);
            if (slot != null && TestOutcome.PASSED.equals(outcome.status())) {
                failing.remove(uniqueId);
                if (!slot.container()) {
                    this.outcomes.get(slot.key()).set(slot.index(), outcome);
                    flaky.computeIfAbsent(slot.key(), k -> new HashSet<>()).add(slot.index());
                }
            }
        });
        added.forEach((key, tests) ->
                this.outcomes.computeIfAbsent(key, k -> new ArrayList<>()).addAll(tests));
    }

    /**
     * Reports the classes no engine ran, and returns every class's outcomes in the wire's shape. A class no engine ran
     * that loads holds no tests (abstract, or none left by the filters): it is not reported, as under Surefire, and the
     * server gets it with no tests. One that cannot be loaded is sent as {@link TestOutcome#NOT_LOADED}: the Maven side
     * fails the build with it as Surefire's "error in the forked process", and writes no report for it.
     */
    synchronized Map<String, List<Map<String, Object>>> finish() {
        // An engine may leave a container of a class with several unfinished (the TestNG engine, a nested class
        // selected beside a method of its outer class): the batch is over, so the class is.
        for (String key : List.copyOf(outcomes.keySet())) {
            Long started = classStarts.get(key);
            if (!finished.contains(key) && started != null) {
                completeClass(key, (System.nanoTime() - started) / 1e9);
            }
        }
        deferred.forEach(this::sendFinished);
        deferred.clear();
        for (String key : batch) {
            if (finished.contains(key)) {
                continue;
            }
            if (classes.isSuite(key) && engineFailure == null) {
                continue; // its files named nothing that ran
            }
            LinkageError notLoaded = classes.isSuite(key) ? null : loadFailure(SplitKey.className(key));
            if (notLoaded == null && engineFailure == null && SplitKey.parse(key) != null) {
                // A part that ran nothing (its methods gone since the history, or its class run whole in its first
                // part) still finishes, with no tests and no method times: its class is complete without it.
                startClass(key);
                sendFinished(key, 0);
                output.exit(key);
                finished.add(key);
                continue;
            }
            if (notLoaded == null && engineFailure == null) {
                continue;
            }
            startClass(key);
            if (notLoaded != null) {
                String message = SplitKey.className(key) + " could not be loaded: " + notLoaded;
                add(key, null, classError(key, TestOutcome.NOT_LOADED, message, Outcomes.trace(notLoaded)));
            } else {
                sink.send(new ForkEvent.SetStarted(key, key));
                add(
                        key,
                        null,
                        classError(
                                key,
                                engineFailure.getClass().getName(),
                                String.valueOf(engineFailure.getMessage()),
                                Outcomes.trace(engineFailure)));
                sink.send(new ForkEvent.SetFinished(key, key, key, key, 0));
            }
            sendFinished(key, 0);
            output.exit(key);
            finished.add(key);
        }
        Map<String, List<Map<String, Object>>> wire = new LinkedHashMap<>();
        for (String key : batch) {
            List<Map<String, Object>> tests = new ArrayList<>();
            List<TestOutcome> outcomesOfKey = outcomes.getOrDefault(key, List.of());
            Set<Integer> flakyOfKey = flaky.getOrDefault(key, Set.of());
            for (int i = 0; i < outcomesOfKey.size(); i++) {
                Map<String, Object> test = outcomesOfKey.get(i).wire();
                if (flakyOfKey.contains(i)) {
                    test.put(TestOutcome.FLAKY, Boolean.TRUE);
                }
                String context = contexts.get(key);
                if (context != null && !context.isEmpty()) {
                    test.put(TestOutcome.CONTEXT, context);
                }
                tests.add(test);
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
        classStarts.put(key, System.nanoTime());
        sink.send(new ForkEvent.ClassStarted(key));
        output.enter(key);
        if (classes.isSuite(key)) {
            sink.send(new ForkEvent.SetStarted(key, key));
        }
    }

    private synchronized void finishClass(String key, TestIdentifier id) {
        int left = unfinished.merge(key, -1, Integer::sum);
        if (left > 0) {
            return; // a TestNG class's nested classes, or a suite file's classes, still to come
        }
        completeClass(key, seconds(id));
    }

    /** Ends a class whose containers are all done; once. A run of suite files ends its own test set too. */
    private synchronized void completeClass(String key, double containerSeconds) {
        if (!finished.add(key)) {
            return;
        }
        double seconds = containerSeconds;
        if (classes.isSuite(key)) {
            seconds = (System.nanoTime() - classStarts.get(key)) / 1e9;
            sink.send(new ForkEvent.SetFinished(key, key, key, key, seconds));
        }
        output.exit(key);
        boolean rerunsDue =
                failing.values().stream().anyMatch(slot -> slot.key().equals(key));
        if (rerunsDue) {
            deferred.put(key, seconds);
        } else {
            sendFinished(key, seconds);
        }
    }

    private void sendFinished(String key, double seconds) {
        Map<String, String> properties = new HashMap<>();
        Properties system = System.getProperties();
        // stringPropertyNames() is a snapshot: safe while a test's thread sets a property.
        for (String name : system.stringPropertyNames()) {
            String value = system.getProperty(name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        if (sentProperties.changedTo(properties)) {
            sink.send(new ForkEvent.SystemProperties(key, properties));
        }
        Map<String, Double> methods;
        String context = ContextKey.of(SplitKey.className(key));
        synchronized (this) {
            methods = splittable.contains(key) && !methodless.contains(key)
                    ? methodSeconds.getOrDefault(key, Map.of())
                    : Map.of();
            contexts.put(key, context);
        }
        sink.send(new ForkEvent.ClassFinished(key, seconds, context, methods));
    }

    /** Adds an outcome, sends it with its run's output token (or null), and returns its index in the class's list. */
    private synchronized int add(String key, String token, TestOutcome outcome) {
        List<TestOutcome> list = outcomes.computeIfAbsent(key, k -> new ArrayList<>());
        list.add(outcome);
        sink.send(new ForkEvent.TestFinished(key, token, outcome));
        return list.size() - 1;
    }

    /** The batch class {@code id} stands for as its outermost container, or null. */
    private String topClass(TestIdentifier id) {
        return classes.topClass(id);
    }

    /** The batch class {@code id} belongs to, or null for engines. */
    private String keyOf(TestIdentifier id) {
        return classes.keyOf(id);
    }

    private double seconds(TestIdentifier id) {
        Long start = startNanos.get(id);
        return start == null ? 0 : (System.nanoTime() - start) / 1e9;
    }

    /** Why {@code className} cannot be loaded (its superclass is missing, say), or null when it loads. */
    private static LinkageError loadFailure(String className) {
        try {
            Class.forName(className, false, TestsLoader.get());
            return null;
        } catch (ClassNotFoundException e) {
            return new NoClassDefFoundError(e.getMessage());
        } catch (LinkageError e) {
            return e;
        }
    }

    private static TestOutcome classError(String key, String type, String message, String trace) {
        String name = SplitKey.className(key);
        return new TestOutcome(
                simpleName(name), simpleName(name), name, TestOutcome.ERROR, 0, type, message, trace, null);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
