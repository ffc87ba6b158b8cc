package ci.fast.maven.booter;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import junit.framework.TestCase;
import org.junit.Ignore;
import org.junit.Test;
import org.junit.internal.runners.ErrorReportingRunner;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.commons.util.ExceptionUtils;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.runner.Description;
import org.junit.runner.Request;
import org.junit.runner.Result;
import org.junit.runner.RunWith;
import org.junit.runner.Runner;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;
import org.junit.runner.notification.RunNotifier;
import org.opentest4j.MultipleFailuresError;

/**
 * Runs a batch of JUnit 4 (and 3) classes with JUnit 4's own API ({@code Request.aClass}, a {@link RunNotifier}), where
 * fast-ci follows Surefire's JUnit 4 provider, instead of through the JUnit Platform's Vintage engine: it saves the
 * launcher's and the engine's discovery. What it tells the batch's {@link TestExecutionListener} is what the Vintage
 * engine and the launcher tell it for the same classes: the same test plan (identifiers with the engine's display
 * names, legacy names and sources), the same events in the same order, with the synthetic starts and ends of the
 * containers a runner reports only in part, and the launcher's pruned stack traces. So the reports and the events sent
 * to Maven are those of the Vintage path ({@code JUnit4TestsTest} compares both).
 *
 * <p>{@link #plan} takes a batch only when the direct run is known to match: every class a public, concrete, top-level
 * or static class without {@code @Ignore}, whose runner JUnit 4 builds without error, is one of JUnit 4's own, and
 * describes no empty container (the launcher would prune it). Anything else runs on the Platform path.
 *
 * <p>Compiled against {@code junit:junit} and loaded only where the tests' class path has it ({@code junit4Reports}).
 */
final class JUnit4Tests {
    private static final UniqueId ENGINE = UniqueId.forEngine("junit-vintage");

    private final EngineDescriptor engine;
    private final TestPlan plan;
    private final List<Run> runs;

    private JUnit4Tests(EngineDescriptor engine, List<Run> runs) {
        this.engine = engine;
        this.runs = runs;
        this.plan = TestPlan.from(
                true, List.of(engine), DirectPlans.NoParameters.INSTANCE, DirectPlans.NoOutputDirectory.INSTANCE);
    }

    /** Builds JUnit 4's runners of two classes of the booter's own, so that the first batch does not load them. */
    static void warmUp() {
        VintageWarmUp.CLASSES.forEach(name -> {
            try {
                plan(List.of(name));
            } catch (RuntimeException | LinkageError e) {
                // only a warm-up: the first batch meets the same trouble, and reports it
            }
        });
    }

    /** The batch's direct run, or null when any of its classes must run on the Platform path. */
    static JUnit4Tests plan(List<String> batch) {
        // First what needs no test code run: building a runner may run the class's static initializer (a JUnit 3
        // suite(), Parameterized's parameters), which a batch that then went to the Vintage engine would meet spent.
        List<Class<?>> types = new ArrayList<>();
        for (String name : batch) {
            Class<?> type = classOf(name);
            if (type != null && leftOutByVintage(type)) {
                continue; // an abstract base class queued by its name: neither path runs or reports anything of it
            }
            if (type == null || !plain(type)) {
                return null;
            }
            try {
                if (withoutTests(type)) {
                    continue; // a helper queued by its Test* name: the Vintage engine passes over it too
                }
            } catch (LinkageError e) {
                return null; // a method's signature that does not link: the Vintage engine reports it
            }
            types.add(type);
        }
        EngineDescriptor engine = new EngineDescriptor(ENGINE, "JUnit Vintage");
        Sources sources = new Sources();
        List<Run> runs = new ArrayList<>();
        try {
            for (Class<?> type : types) {
                Runner runner = runnerOf(type);
                // Once: a JUnit 3 runner describes its tests anew on each call.
                Description description = runner == null ? null : runner.getDescription();
                if (description == null || description.isTest()) {
                    return null;
                }
                Node root = new Node(
                        ENGINE.append("runner", type.getName()),
                        description,
                        type.getSimpleName(),
                        ClassSource.from(type),
                        type.getName());
                if (!addChildren(root, sources)) {
                    return null;
                }
                engine.addChild(root);
                runs.add(new Run(root, runner, sources));
            }
        } catch (RuntimeException | LinkageError e) {
            return null; // a description or a method's source that cannot be had: the Vintage engine reports it
        }
        return new JUnit4Tests(engine, runs);
    }

    /** The test class, or null when it does not load: the Platform path reports it. */
    private static Class<?> classOf(String name) {
        try {
            return Class.forName(name, false, TestsLoader.get());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /**
     * Whether the Vintage engine's discovery passes over the class, selected by name: not public, abstract, or an
     * inner (non-static member) class, as its {@code IsPotentialJUnit4TestClass} has it. The launcher's plan then has
     * nothing of it, so the direct run leaves it out too rather than give its batch to the Vintage engine.
     */
    private static boolean leftOutByVintage(Class<?> type) {
        int modifiers = type.getModifiers();
        return !Modifier.isPublic(modifiers)
                || Modifier.isAbstract(modifiers)
                || type.isMemberClass() && !Modifier.isStatic(modifiers);
    }

    /**
     * Whether the Vintage engine finds no runner for the class: it would come to JUnit 4's own runner (no
     * {@code @RunWith}, no {@code suite()} method, no JUnit 3 {@code TestCase}) and has no {@code @Test} method in its
     * hierarchy, which the Vintage engine's builder asks before it builds one (JUnit 4's would fail with "No runnable
     * methods").
     */
    private static boolean withoutTests(Class<?> type) {
        if (type.isAnnotationPresent(RunWith.class) || TestCase.class.isAssignableFrom(type)) {
            return false;
        }
        try {
            type.getMethod("suite");
            return false;
        } catch (NoSuchMethodException e) {
            // no suite(): JUnit 4's own runner, if it has tests
        }
        // As the Vintage engine asks it: any method of the class's hierarchy, of any visibility.
        return ReflectionSupport.findMethods(
                        type, method -> method.isAnnotationPresent(Test.class), HierarchyTraversalMode.TOP_DOWN)
                .isEmpty();
    }

    /** Whether the class is one whose run the direct run has been compared on, by its declaration alone. */
    private static boolean plain(Class<?> type) {
        int modifiers = type.getModifiers();
        boolean innerClass = type.getEnclosingClass() != null && !Modifier.isStatic(modifiers);
        return Modifier.isPublic(modifiers)
                && !Modifier.isAbstract(modifiers)
                && !innerClass
                && !type.isAnnotationPresent(Ignore.class)
                && !(type.isAnnotationPresent(RunWith.class)
                        && !isJUnitOwn(type.getAnnotation(RunWith.class).value()));
    }

    /** The class's JUnit 4 runner, or null when its run might differ from the Vintage engine's. */
    private static Runner runnerOf(Class<?> type) {
        Runner runner;
        try {
            runner = Request.aClass(type).getRunner();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
        return runner instanceof ErrorReportingRunner || !isJUnitOwn(runner.getClass()) ? null : runner;
    }

    /** JUnit 4's or JUnit 3's own runners: those whose reporting the direct run has been compared on. */
    private static boolean isJUnitOwn(Class<?> runner) {
        String name = runner.getName();
        return name.startsWith("org.junit.") || name.startsWith("junit.");
    }

    /**
     * Adds the descriptors of {@code parent}'s children, as the Vintage engine names them; false when one is a
     * container with nothing in it, which the launcher would prune, or a runner's initialization error (a suite's
     * member without tests, which the Vintage engine leaves out).
     */
    private static boolean addChildren(Node parent, Sources sources) {
        List<Description> children = parent.description.getChildren();
        if (children.isEmpty()) {
            return false;
        }
        Set<String> taken = new HashSet<>();
        for (Description child : children) {
            // getMethodName matches a regular expression: asked only of a name that can be the error's.
            if (child.isTest()
                    && child.getDisplayName().startsWith("initializationError(")
                    && "initializationError".equals(child.getMethodName())) {
                return false;
            }
            String segment = child.getDisplayName();
            for (int i = 0; !taken.add(segment); i++) {
                segment = child.getDisplayName() + "[" + i + "]";
            }
            Node node = Node.of(parent.getUniqueId().append("test", segment), child, sources);
            parent.addChild(node);
            if (!child.isTest() && !addChildren(node, sources)) {
                return false;
            }
        }
        return true;
    }

    /** Runs the batch's classes one after the other, telling {@code listener} what the launcher would. */
    void run(TestExecutionListener listener) {
        Map<TestDescriptor, TestIdentifier> ids = new HashMap<>();
        Function<TestDescriptor, TestIdentifier> id =
                descriptor -> ids.computeIfAbsent(descriptor, d -> plan.getTestIdentifier(d.getUniqueId()));
        listener.testPlanExecutionStarted(plan);
        listener.executionStarted(id.apply(engine));
        for (Run run : runs) {
            run.execute(listener, id, plan);
        }
        listener.executionFinished(id.apply(engine), TestExecutionResult.successful());
        listener.testPlanExecutionFinished(plan);
    }

    /** A class's runner and what its run has told so far; one for each class of the batch, as the Vintage engine has. */
    private static final class Run extends RunListener {
        private final Node root;
        private final Runner runner;
        private final Sources sources;
        private final Set<TestDescriptor> below;
        private final Map<Description, Group> groups = new HashMap<>();
        private final Map<TestDescriptor, List<TestExecutionResult>> results = new HashMap<>();
        private final Set<TestDescriptor> skipped = new HashSet<>();
        private final Set<TestDescriptor> started = new HashSet<>();
        private final Set<TestDescriptor> finished = new HashSet<>();
        /** Started and not finished: true for a start no runner reported (synthetic). In start order. */
        private final Map<TestDescriptor, Boolean> inProgress = new LinkedHashMap<>();
        /** How many of {@link #inProgress} are synthetic. */
        private int synthetics;

        private final ThreadLocal<Deque<Node>> startedOnThread = ThreadLocal.withInitial(ArrayDeque::new);
        private TestExecutionListener listener;
        private Function<TestDescriptor, TestIdentifier> ids;
        private TestPlan plan;

        Run(Node root, Runner runner, Sources sources) {
            this.root = root;
            this.runner = runner;
            this.sources = sources;
            this.below = new LinkedHashSet<>();
            addDescendants(root);
            group(root);
            below.forEach(node -> group((Node) node));
        }

        /** As {@code getDescendants}, into one set: the descriptor's own builds a set for each level. */
        private void addDescendants(TestDescriptor parent) {
            for (TestDescriptor child : parent.getChildren()) {
                below.add(child);
                addDescendants(child);
            }
        }

        private void group(Node node) {
            groups.computeIfAbsent(node.description, d -> new Group()).nodes.add(node);
        }

        /**
         * Runs the class. Not under this run's lock: a test of a JUnit 3 {@code ActiveTestSuite} reports from a thread
         * of its own while the suite, on this thread, waits for them all (held here, the lock would deadlock them).
         */
        void execute(TestExecutionListener listener, Function<TestDescriptor, TestIdentifier> ids, TestPlan plan) {
            synchronized (this) {
                this.listener = listener;
                this.ids = ids;
                this.plan = plan;
            }
            // As JUnitCore runs a runner, with the description the plan has: a JUnit 3 runner describes its tests anew
            // (a reflective lookup for each) on each call.
            RunNotifier notifier = new RunNotifier();
            notifier.addListener(this);
            try {
                notifier.fireTestRunStarted(root.description);
                runner.run(notifier);
                notifier.fireTestRunFinished(new Result());
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                synchronized (this) {
                    if (!started.contains(root)) {
                        listener.executionStarted(ids.apply(root));
                    }
                    finishWith(root, TestExecutionResult.failed(t));
                }
            }
        }

        @Override
        public synchronized void testRunStarted(Description description) {
            if (description.isSuite()) {
                start(root, false);
            }
        }

        @Override
        public synchronized void testSuiteStarted(Description description) {
            if (!root.description.equals(description)) {
                testStarted(next(description), false);
            }
        }

        @Override
        public synchronized void testIgnored(Description description) {
            Node node = next(description);
            finishSyntheticOutside(node);
            startAncestors(node.getParent());
            skipped.add(node);
            groups.get(node.description).used++;
            listener.executionSkipped(ids.apply(node), reasonIgnored(node, description));
        }

        @Override
        public synchronized void testStarted(Description description) {
            testStarted(next(description), false);
        }

        @Override
        public synchronized void testAssumptionFailure(Failure failure) {
            failed(failure, TestExecutionResult.aborted(failure.getException()));
        }

        @Override
        public synchronized void testFailure(Failure failure) {
            failed(failure, TestExecutionResult.failed(failure.getException()));
        }

        @Override
        public synchronized void testFinished(Description description) {
            finish(current(description));
        }

        @Override
        public synchronized void testSuiteFinished(Description description) {
            if (!root.description.equals(description)) {
                containerFinished(current(description));
            }
        }

        @Override
        public synchronized void testRunFinished(Result result) {
            containerFinished(root);
        }

        private void failed(Failure failure, TestExecutionResult result) {
            Node node = current(failure.getDescription());
            results.computeIfAbsent(node, n -> new ArrayList<>()).add(result);
            if (!started.contains(node)) {
                testStarted(node, true);
            }
            if (!finished.contains(node)
                    && node.isContainer()
                    && Boolean.TRUE.equals(inProgress.get(node))
                    && below.contains(node)) {
                finish(node);
            }
        }

        private void containerFinished(TestDescriptor container) {
            if (skipped.contains(container)) {
                return;
            }
            if (!started.contains(container)) {
                start(container, true);
            }
            for (TestDescriptor synthetic : syntheticInProgress()) {
                if (canFinish(synthetic)) {
                    finish(synthetic);
                }
            }
            if (!finished.contains(container)) {
                finish(container);
            }
        }

        private void testStarted(TestDescriptor node, boolean synthetic) {
            finishSyntheticOutside(node);
            startAncestors(node.getParent());
            start(node, synthetic);
        }

        /** Ends the containers started synthetically, latest first, that are not above {@code node} and are done. */
        private void finishSyntheticOutside(TestDescriptor node) {
            if (synthetics == 0) {
                return;
            }
            for (TestDescriptor synthetic : syntheticInProgress()) {
                if (!isAbove(synthetic, node) && canFinish(synthetic)) {
                    finish(synthetic);
                }
            }
        }

        private static boolean isAbove(TestDescriptor ancestor, TestDescriptor node) {
            for (TestDescriptor at = node.getParent().orElse(null);
                    at != null;
                    at = at.getParent().orElse(null)) {
                if (at == ancestor) {
                    return true;
                }
            }
            return false;
        }

        private void startAncestors(Optional<TestDescriptor> parent) {
            if (parent.isPresent() && canStart(parent.get())) {
                startAncestors(parent.get().getParent());
                start(parent.get(), true);
            }
        }

        private boolean canStart(TestDescriptor node) {
            return !started.contains(node) && (node == root || below.contains(node));
        }

        private boolean canFinish(TestDescriptor node) {
            return !finished.contains(node)
                    && below.contains(node)
                    && node.getChildren().stream().allMatch(c -> finished.contains(c) || skipped.contains(c));
        }

        private List<TestDescriptor> syntheticInProgress() {
            List<TestDescriptor> synthetic = new ArrayList<>();
            inProgress.forEach((node, isSynthetic) -> {
                if (isSynthetic) {
                    synthetic.add(node);
                }
            });
            Collections.reverse(synthetic);
            return synthetic;
        }

        private void start(TestDescriptor node, boolean synthetic) {
            inProgress.put(node, synthetic);
            if (synthetic) {
                synthetics++;
            }
            started.add(node);
            if (node instanceof Node n) {
                startedOnThread.get().addLast(n);
                groups.get(n.description).used++;
            }
            listener.executionStarted(ids.apply(node));
        }

        private void finish(TestDescriptor node) {
            finishWith(node, result(node));
        }

        private void finishWith(TestDescriptor node, TestExecutionResult result) {
            if (Boolean.TRUE.equals(inProgress.remove(node))) {
                synthetics--;
            }
            finished.add(node);
            if (node instanceof Node n) {
                startedOnThread.get().removeLastOccurrence(n);
            }
            pruneTraces(node, result);
            listener.executionFinished(ids.apply(node), result);
        }

        private TestExecutionResult result(TestDescriptor node) {
            List<TestExecutionResult> stored = results.get(node);
            if (stored == null) {
                return TestExecutionResult.successful();
            }
            if (stored.size() == 1) {
                return stored.get(0);
            }
            List<Throwable> failures =
                    stored.stream().map(r -> r.getThrowable().orElseThrow()).toList();
            MultipleFailuresError error = new MultipleFailuresError("", failures);
            failures.forEach(error::addSuppressed);
            return TestExecutionResult.failed(error);
        }

        /** As the launcher prunes a failure's stack traces, by the classes of the descriptors above. */
        private static void pruneTraces(TestDescriptor node, TestExecutionResult result) {
            Throwable thrown = result.getThrowable().orElse(null);
            if (thrown == null) {
                return;
            }
            List<String> classes = new ArrayList<>();
            for (TestDescriptor at : node.getAncestors()) {
                TestSource source = at.getSource().orElse(null);
                if (source instanceof ClassSource c) {
                    classes.add(c.getClassName());
                } else if (source instanceof MethodSource m) {
                    classes.add(m.getClassName());
                }
            }
            for (Throwable nested : ExceptionUtils.findNestedThrowables(thrown)) {
                nested.setStackTrace(aboveRun(nested.getStackTrace()));
                ExceptionUtils.pruneStackTrace(nested, classes);
            }
        }

        /**
         * The frames above this run's, as the launcher removes its own frames and all below them: what is left of a
         * trace is what the tests and the runners called, as under the Vintage engine, whose frames (JUnit's) the
         * pruning removes.
         */
        private static StackTraceElement[] aboveRun(StackTraceElement[] frames) {
            for (int i = 0; i < frames.length; i++) {
                if (frames[i].getClassName().equals(Run.class.getName())) {
                    return java.util.Arrays.copyOf(frames, i);
                }
            }
            return frames;
        }

        /** The descriptor of a description that starts (or is skipped) now. */
        private Node next(Description description) {
            Node node = find(description, true);
            return node != null ? node : dynamic(description, true);
        }

        /** The descriptor of a description that finishes (or fails) now. */
        private Node current(Description description) {
            Node node = find(description, false);
            return node != null ? node : dynamic(description, false);
        }

        /**
         * The descriptor of a description: its only one; among several equal ones that very description's, else the
         * next not started yet ({@code next}) or the one this thread started last; null for none.
         */
        private Node find(Description description, boolean next) {
            Group group = groups.get(description);
            if (group == null) {
                return null;
            }
            Node node = group.only(description);
            if (node != null) {
                return node;
            }
            if (next) {
                return group.used < group.nodes.size() ? group.nodes.get(group.used) : null;
            }
            Node last = startedOnThread.get().peekLast();
            return last != null && description.equals(last.description) ? last : null;
        }

        /** A description the runner did not describe up front: a dynamic test, as the Vintage engine registers it. */
        private Node dynamic(Description description, boolean next) {
            Node parent = description.getTestClass() == null
                    ? null
                    : find(Description.createSuiteDescription(description.getTestClass()), next);
            if (parent == null) {
                parent = root;
            }
            Node node =
                    Node.of(parent.getUniqueId().append("dynamic", description.getDisplayName()), description, sources);
            parent.addChild(node);
            group(node);
            below.add(node);
            startAncestors(Optional.of(parent));
            plan.addInternal(TestIdentifier.from(node));
            listener.dynamicTestRegistered(ids.apply(node));
            return node;
        }

        private static String reasonIgnored(Node node, Description description) {
            Ignore ignore = description.getAnnotation(Ignore.class);
            if (ignore == null && node.getSource().orElse(null) instanceof ClassSource c) {
                ignore = c.getJavaClass().getAnnotation(Ignore.class);
            }
            return ignore == null ? "<unknown>" : ignore.value();
        }
    }

    /** The descriptors of equal descriptions, and how many of them have started or been skipped. */
    private static final class Group {
        final List<Node> nodes = new ArrayList<>(1);
        int used;

        /** The one descriptor of the description, or among several the one of that very description. */
        Node only(Description description) {
            if (nodes.size() == 1) {
                return nodes.get(0);
            }
            return nodes.stream()
                    .filter(n -> n.description == description)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A JUnit 4 description as the Vintage engine's descriptor of it. */
    private static final class Node extends AbstractTestDescriptor {
        final Description description;
        private final String legacyName;

        Node(UniqueId id, Description description, String displayName, TestSource source, String legacyName) {
            super(id, displayName, source);
            this.description = description;
            this.legacyName = legacyName;
        }

        static Node of(UniqueId id, Description description, Sources sources) {
            String method = methodName(description);
            String display = method != null && !method.isBlank() ? method : description.getDisplayName();
            String className = description.getClassName();
            String legacy = method == null && className != null && !className.isBlank() ? className : display;
            return new Node(id, description, display, sources.of(description, method), legacy);
        }

        /** The method a description names: what precedes its one pair of parentheses at its end, else its own. */
        private static String methodName(Description description) {
            String display = description.getDisplayName();
            int open = display.indexOf('(');
            if (open >= 0 && open == display.lastIndexOf('(') && display.endsWith(")")) {
                return display.substring(0, open);
            }
            return description.getMethodName();
        }

        @Override
        public String getLegacyReportingName() {
            return legacyName;
        }

        @Override
        public Type getType() {
            return description.isTest() ? Type.TEST : Type.CONTAINER;
        }
    }

    /** The source of a description: its method where one method of its class has that name, else its class. */
    private static final class Sources {
        /** Each class's methods of its hierarchy, by name. */
        private final Map<Class<?>, Map<String, List<Method>>> methods = new HashMap<>();

        TestSource of(Description description, String methodName) {
            Class<?> type = description.getTestClass();
            if (type == null) {
                return null;
            }
            if (methodName != null) {
                int bracket = methodName.indexOf('[');
                String name = bracket >= 0 && methodName.endsWith("]") ? methodName.substring(0, bracket) : methodName;
                Method method = method(type, name);
                if (method != null) {
                    return MethodSource.from(type, method);
                }
            }
            return ClassSource.from(type);
        }

        private Method method(Class<?> type, String name) {
            List<Method> named = methods.computeIfAbsent(
                            type,
                            t -> ReflectionSupport.findMethods(t, m -> true, HierarchyTraversalMode.TOP_DOWN).stream()
                                    .collect(Collectors.groupingBy(Method::getName)))
                    .getOrDefault(name, List.of());
            if (named.isEmpty()) {
                return null; // a JUnit 3 test named otherwise than its methods
            }
            if (named.size() == 1) {
                return named.get(0);
            }
            List<Method> visible = named.stream()
                    .filter(m -> Modifier.isPublic(m.getModifiers()))
                    .toList();
            return visible.size() == 1 ? visible.get(0) : null;
        }
    }
}
