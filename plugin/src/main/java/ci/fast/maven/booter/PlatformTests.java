package ci.fast.maven.booter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The tests' side of a node: runs batches of top-level test classes through the project's own JUnit Platform
 * Launcher, in one {@link LauncherSession} for the fork's whole life, as Surefire runs a fork's classes: a
 * {@code LauncherSessionListener} (how Quarkus and Arquillian start once per JVM) sees one session per fork, not one
 * per batch. {@link #close()} ends the session.
 */
final class PlatformTests implements AutoCloseable {
    /** Created, and its engines' discovery warmed up, on a thread of its own while the node connects. */
    private final CompletableFuture<Launcher> launcher = new CompletableFuture<>();

    /** How long closing waits for the launcher the warm-up thread is still creating. */
    private static final Duration SESSION_WAIT = Duration.ofSeconds(30);

    /** The fork's one session; null on a Platform older than 1.8, which has none. Set once, by the warm-up thread. */
    private volatile AutoCloseable session;

    private final EventSink sink;
    private final OutputRouter output;
    private final Filter<?>[] filters;
    private final int reruns;
    private final Map<String, String> configurationParameters;
    private final boolean junit4Reports;
    /** What the run of TestNG suite files, {@link TestRunOptions#SUITE_FILES}, selects; empty for none. */
    private final List<String> suiteSelectors;
    /**
     * Whether a batch may run through {@link JUnit4Tests} rather than the Vintage engine: JUnit 4 reports, and nothing
     * the direct run does not do (filters, reruns, a failure limit, configuration parameters, suite files).
     */
    private final boolean direct;
    /**
     * Whether the launcher's session opens at the fork's start and a batch waits for it before it runs; otherwise (a
     * direct run, {@link #sessionListened}) it opens only when a batch needs the launcher.
     */
    private final boolean waitForSession;

    /** Whether every batch runs through {@link JUnit3Tests}, and no launcher is made. */
    private final boolean junit3;

    private final SentProperties sentProperties = new SentProperties();
    /** Which classes may be split by method, by the configuration this fork runs with. */
    private final SplitRule splitRule;
    /** Failed tests after which this node runs no more classes (Surefire's skipAfterFailureCount); 0 for no limit. */
    private final int skipAfterFailureCount;
    /** The failed tests of the batches this fork ran. Only the node's thread touches it. */
    private int failures;

    /**
     * @param tests the filters applied to every discovery and run (tags, method patterns, engines), the reruns of a
     *     failed test, and the Platform's configuration parameters
     * @param isolatedPath the isolated loader's path, where the method filter's matcher lives
     */
    PlatformTests(EventSink sink, OutputRouter output, TestRunOptions tests, List<java.nio.file.Path> isolatedPath) {
        this(
                sink,
                output,
                LauncherFilters.of(tests, isolatedPath),
                tests.rerunFailingTestsCount(),
                tests.configurationParameters(),
                tests.skipAfterFailureCount(),
                tests.junit4Reports(),
                tests.suiteSelectors(),
                tests.testNg(),
                true,
                tests.ownJUnit3());
    }

    /**
     * @param junit4Reports whether the reports follow Surefire's JUnit 4 provider ({@link BatchClasses})
     * @param suiteSelectors what a batch's {@link TestRunOptions#SUITE_FILES} entry runs: {@code pkg.Class} or
     *     {@code pkg.Class#method}
     * @param testNg what the TestNG engine's runs apply besides ({@link TestNgSuiteListener})
     * @param directAllowed whether JUnit 4 batches may run through {@link JUnit4Tests}; false for the Vintage engine
     * @param ownJUnit3 whether every batch runs through {@link JUnit3Tests}, with the project's own JUnit 3: no
     *     launcher is made, as there is no engine to run
     */
    PlatformTests(
            EventSink sink,
            OutputRouter output,
            List<Filter<?>> filters,
            int reruns,
            Map<String, String> configurationParameters,
            int skipAfterFailureCount,
            boolean junit4Reports,
            List<String> suiteSelectors,
            TestNgSuite testNg,
            boolean directAllowed,
            boolean ownJUnit3) {
        this.junit3 = ownJUnit3;
        this.direct = !ownJUnit3
                && directAllowed
                && junit4Reports
                && filters.isEmpty()
                && reruns == 0
                && skipAfterFailureCount == 0
                && configurationParameters.isEmpty()
                && suiteSelectors.isEmpty()
                && testNg.isEmpty()
                && directJUnit4();
        this.waitForSession = !direct || sessionListened();
        this.junit4Reports = junit4Reports;
        this.suiteSelectors = List.copyOf(suiteSelectors);
        this.sink = sink;
        this.output = output;
        this.filters = filters.toArray(new Filter<?>[0]);
        this.reruns = reruns;
        this.configurationParameters = Map.copyOf(withTestNg(configurationParameters, testNg));
        this.splitRule = new SplitRule(configurationParameters);
        this.skipAfterFailureCount = skipAfterFailureCount;
        Runnable start = ownJUnit3 ? this::warmUpJUnit3 : waitForSession ? this::createLauncher : this::warmUpDirect;
        Thread warmUp = new Thread(start, "fast-ci-launcher");
        warmUp.setDaemon(true);
        warmUp.start(); // inherits the system loader as its context loader, as the tests' side needs
    }

    /**
     * The configuration parameters with {@link TestNgSuiteListener} and the suite files' listeners added to the TestNG
     * engine's {@code testng.listeners} (after the user's), once what it applies is installed; unchanged when there
     * is nothing to apply.
     */
    private static Map<String, String> withTestNg(Map<String, String> parameters, TestNgSuite testNg) {
        if (testNg.isEmpty()) {
            return parameters;
        }
        try {
            TestNgSuiteListener.install(testNg);
        } catch (LinkageError e) {
            return parameters; // no TestNG on the class path: no TestNG run to alter
        }
        List<String> listeners = new java.util.ArrayList<>();
        String own = parameters.get(TESTNG_LISTENERS);
        if (own != null && !own.isBlank()) {
            listeners.add(own.strip());
        }
        listeners.addAll(testNg.listeners());
        listeners.add(TestNgSuiteListener.class.getName());
        Map<String, String> with = new LinkedHashMap<>(parameters);
        with.put(TESTNG_LISTENERS, String.join(",", listeners));
        return with;
    }

    /**
     * Whether the tests' JUnit 4 is one the direct run was compared on (4.13), and nothing configures or extends the
     * launcher: no {@code junit-platform.properties}, no {@code junit.*} system property (stack trace pruning,
     * Vintage's parallel execution), no execution listener or discovery filter of the tests' own as a service.
     */
    private static boolean directJUnit4() {
        try {
            if (!junit.runner.Version.id().startsWith("4.13")
                    || TestsLoader.get().getResource("junit-platform.properties") != null
                    || System.getProperties().stringPropertyNames().stream().anyMatch(k -> k.startsWith("junit."))) {
                return false;
            }
            for (String service : LAUNCHER_SERVICES) {
                if (hasOwn(TestsLoader.get(), service)) {
                    return false;
                }
            }
            return true;
        } catch (LinkageError | java.io.IOException e) {
            return false;
        }
    }

    /** Whether {@code loader}'s class path registers an implementation of {@code service} that is not the launcher's. */
    private static boolean hasOwn(ClassLoader loader, String service) throws java.io.IOException {
        var found = loader.getResources("META-INF/services/" + service);
        while (found.hasMoreElements()) {
            try (var in = found.nextElement().openStream()) {
                boolean own = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .map(line -> line.replaceFirst("#.*", "").strip())
                        .anyMatch(line -> !line.isEmpty() && !line.startsWith(LAUNCHER_LISTENERS));
                if (own) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a direct run must wait for the launcher's session to open before its first batch: when the tests'
     * class path has a session listener of its own, which sees the session open before any test runs. Otherwise the
     * direct run needs no launcher, and no session opens until a batch that the direct run does not take needs one.
     */
    private static boolean sessionListened() {
        return sessionListened(TestsLoader.get());
    }

    /** {@link #sessionListened()} of the tests {@code loader} loads. */
    static boolean sessionListened(ClassLoader loader) {
        try {
            return hasOwn(loader, "org.junit.platform.launcher.LauncherSessionListener");
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** The services the launcher loads that would see or change a batch's run. */
    private static final List<String> LAUNCHER_SERVICES = List.of(
            "org.junit.platform.launcher.TestExecutionListener",
            "org.junit.platform.launcher.PostDiscoveryFilter",
            "org.junit.platform.launcher.LauncherDiscoveryListener");

    /** The launcher's own listeners (its unique-id tracking, off unless configured), which it registers itself. */
    private static final String LAUNCHER_LISTENERS = "org.junit.platform.launcher.listeners.";

    /** The TestNG engine's configuration parameter of the listeners it registers for its execution. */
    static final String TESTNG_LISTENERS = "testng.listeners";

    private void createLauncher() {
        try {
            Launcher created = openSession();
            StartupTrace.mark("fork.session");
            if (direct) {
                JUnit4Tests.warmUp();
            } else {
                warmUp(created);
            }
            StartupTrace.mark("fork.warm");
            launcher.complete(created);
        } catch (Throwable t) {
            launcher.completeExceptionally(t);
        }
    }

    /**
     * A direct run's warm-up when no batch waits for the session ({@link #waitForSession}): JUnit 4's classes only. No
     * session is opened unless a batch needs the launcher after all (one the direct run does not take), saving the
     * fork the launcher's and the engines' loading.
     */
    private void warmUpDirect() {
        JUnit4Tests.warmUp();
        StartupTrace.mark("fork.warm");
    }

    /** A JUnit 3 run's warm-up: no launcher, only junit.framework's classes and the run's own loaded. */
    private void warmUpJUnit3() {
        try {
            JUnit3Tests.warmUp();
        } catch (RuntimeException | LinkageError e) {
            // only a warm-up: the first batch meets the same trouble, and reports it
        }
        StartupTrace.mark("fork.warm");
        launcher.completeExceptionally(new IllegalStateException("a JUnit 3 run has no launcher"));
    }

    /**
     * The launcher of the fork's one session; on a Platform older than 1.8 (no sessions) a launcher per call, as
     * there is no other.
     */
    private Launcher openSession() {
        try {
            LauncherSession opened = LauncherFactory.openSession();
            session = opened;
            return opened.getLauncher();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return LauncherFactory.create();
        }
    }

    /** Ends the fork's session, so that its listeners' {@code launcherSessionClosed} runs before the JVM exits. */
    @Override
    public void close() throws Exception {
        try {
            if (!waitForSession && !launcher.isDone()) {
                return; // a direct run that never needed the launcher: no session was opened
            }
            // Ordering: the warm-up thread opens the session; a node that ended before it did still closes it.
            launcher.get(SESSION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return; // no launcher, or none in time: nothing a listener saw open
        }
        AutoCloseable opened = session;
        if (opened != null) {
            opened.close();
        }
    }

    /**
     * Discovers a class that holds no test, so that the engines load and set up their discovery while the node
     * connects and joins, not after its first batch has come; where the Vintage engine runs the tests as Surefire's
     * JUnit 4 provider would, also {@link VintageWarmUp}'s classes, so that JUnit 4's and the engine's discovery of a
     * class is loaded as well (its first use costs more than a batch's discovery once loaded).
     */
    private void warmUp(Launcher launcher) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        selectors.add(selectClass(PlatformTests.class));
        if (junit4Reports) {
            VintageWarmUp.CLASSES.forEach(name -> selectors.add(selectClass(name)));
        }
        try {
            launcher.discover(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .configurationParameters(configurationParameters)
                    .build());
        } catch (RuntimeException | LinkageError e) {
            // only a warm-up: the first batch meets the same trouble, and reports it
        }
    }

    /** The launcher, once created; rethrows what its creation threw. */
    private Launcher launcher() {
        if (!waitForSession) {
            synchronized (launcher) {
                if (!launcher.isDone()) {
                    try {
                        launcher.complete(openSession());
                    } catch (RuntimeException | LinkageError e) {
                        launcher.completeExceptionally(e);
                    }
                }
            }
        }
        try {
            return launcher.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Runs a batch, then its failed tests (and classes that failed as a whole, such as in a {@code @BeforeAll}) again up
     * to {@code reruns} times each, stopping for one once it passes, as Surefire does, and returns each class's final
     * outcomes in the wire's shape. Once the tests this fork ran have failed {@code skipAfterFailureCount} times, a
     * batch does not run: it is {@link #skip skipped}, as the node sees the run.
     */
    Map<String, List<Map<String, Object>>> run(List<String> batch) {
        if (skipAfterFailureCount == 0) {
            return executeParts(batch);
        }
        // Class by class, so that the classes after the one whose failure reaches the limit do not run.
        Map<String, List<Map<String, Object>>> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (failures >= skipAfterFailureCount) {
                outcomes.putAll(skip(batch.subList(i, batch.size()), TestRunOptions.SKIPPED_AFTER_FAILURES));
                break;
            }
            Map<String, List<Map<String, Object>>> ran = execute(List.of(batch.get(i)));
            ran.values()
                    .forEach(tests -> tests.forEach(test -> {
                        if ("failed".equals(test.get("status"))) {
                            failures++;
                        }
                    }));
            outcomes.putAll(ran);
        }
        return outcomes;
    }

    /**
     * Reports every test of {@code batch} skipped with {@code reason} and runs none, as Surefire reports the classes
     * that {@code skipAfterFailureCount} kept from running: the classes are discovered, and each is skipped as a whole,
     * as a disabled class is.
     */
    Map<String, List<Map<String, Object>>> skip(List<String> batch, String reason) {
        List<String> parts =
                batch.stream().filter(key -> SplitKey.parse(key) != null).toList();
        if (!parts.isEmpty()) {
            // Each part alone, as it runs: a class's tests report to one key per discovery.
            Map<String, List<Map<String, Object>>> outcomes = new LinkedHashMap<>();
            List<String> whole =
                    batch.stream().filter(key -> !parts.contains(key)).toList();
            if (!whole.isEmpty()) {
                outcomes.putAll(skip(whole, reason));
            }
            parts.forEach(part -> outcomes.putAll(skip(List.of(part), reason)));
            return outcomes;
        }
        BatchClasses classes = BatchClasses.select(batch, suiteSelectors, junit4Reports);
        TestPlan plan = launcher().discover(request(classes));
        BatchListener listener = new BatchListener(classes, batch, sink, output, 0, sentProperties, splitRule);
        listener.testPlanExecutionStarted(plan);
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier container : plan.getChildren(root)) {
                listener.executionSkipped(container, reason);
            }
        }
        listener.testPlanExecutionFinished(plan);
        return listener.finish();
    }

    /**
     * Runs the batch's whole classes in one execution, then each part of a class ({@link SplitKey}) in one of its own:
     * a class's tests report to one key per execution, and two parts of one class may share a batch.
     */
    private Map<String, List<Map<String, Object>>> executeParts(List<String> batch) {
        List<String> parts =
                batch.stream().filter(key -> SplitKey.parse(key) != null).toList();
        if (parts.isEmpty()) {
            return execute(batch);
        }
        Map<String, List<Map<String, Object>>> outcomes = new LinkedHashMap<>();
        List<String> whole = batch.stream().filter(key -> !parts.contains(key)).toList();
        if (!whole.isEmpty()) {
            outcomes.putAll(execute(whole));
        }
        parts.forEach(part -> outcomes.putAll(execute(List.of(part))));
        return outcomes;
    }

    private Map<String, List<Map<String, Object>>> execute(List<String> batch) {
        if (junit3) {
            return executeJUnit3(batch);
        }
        if (waitForSession) {
            launcher();
        }
        StartupTrace.mark("fork.ready");
        BatchClasses classes = BatchClasses.select(batch, suiteSelectors, junit4Reports);
        BatchListener listener = new BatchListener(classes, batch, sink, output, reruns, sentProperties, splitRule);
        // Decided per batch: one whose classes the direct run does not take runs through the Vintage engine whole.
        JUnit4Tests junit4 =
                direct && batch.stream().allMatch(key -> SplitKey.parse(key) == null) ? JUnit4Tests.plan(batch) : null;
        StartupTrace.mark(junit4 != null ? "fork.batch.direct" : "fork.batch.platform");
        try {
            if (junit4 != null) {
                junit4.run(listener);
            } else {
                launcher().execute(request(classes), listener);
            }
        } catch (OutOfMemoryError e) {
            // JUnit rethrows it out of the whole execution: it becomes the error of the test that met it, and the
            // classes that had not started run next, as after any test's error. The memory came back with the stack.
            List<String> left = listener.interrupted(e);
            Map<String, List<Map<String, Object>>> outcomes = new LinkedHashMap<>(listener.finish());
            if (!left.isEmpty()) {
                outcomes.putAll(execute(left));
            }
            return outcomes;
        }
        for (int attempt = 0; attempt < reruns; attempt++) {
            Map<String, String> failing = listener.failing();
            if (failing.isEmpty()) {
                break;
            }
            RerunListener rerun = new RerunListener(failing, sink, output);
            launcher()
                    .execute(
                            LauncherDiscoveryRequestBuilder.request()
                                    .selectors(failing.keySet().stream()
                                            .map(id -> selectUniqueId(id))
                                            .toList())
                                    // a part's class that failed as a whole reruns with the part's methods only
                                    .filters(classes.partFilter(splitRule))
                                    .configurationParameters(configurationParameters)
                                    .build(),
                            rerun);
            listener.rerun(rerun.outcomes(), rerun.added());
        }
        return listener.finish();
    }

    /**
     * Runs a batch with the project's own JUnit 3, as {@link #execute} runs one through the launcher. JUnit 3 reports a
     * test's {@link OutOfMemoryError} as that test's error; one thrown outside any test ends its class, and the
     * classes after it run next.
     */
    private Map<String, List<Map<String, Object>>> executeJUnit3(List<String> batch) {
        StartupTrace.mark("fork.ready");
        BatchClasses classes = new BatchClasses(batch, Map.of(), Set.of(), true);
        BatchListener listener = new BatchListener(classes, batch, sink, output, 0, sentProperties, splitRule);
        JUnit3Tests junit3Tests = JUnit3Tests.plan(batch);
        StartupTrace.mark("fork.batch.junit3");
        try {
            junit3Tests.run(listener);
        } catch (OutOfMemoryError e) {
            List<String> left = listener.interrupted(e);
            Map<String, List<Map<String, Object>>> outcomes = new LinkedHashMap<>(listener.finish());
            if (!left.isEmpty()) {
                outcomes.putAll(executeJUnit3(left));
            }
            return outcomes;
        }
        return listener.finish();
    }

    private LauncherDiscoveryRequest request(BatchClasses classes) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(classes.selectors())
                .filters(filters)
                .filters(classes.partFilter(splitRule))
                .configurationParameters(configurationParameters)
                .build();
    }
}
