package ci.fast.maven.booter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import junit.framework.AssertionFailedError;
import junit.framework.Test;
import junit.framework.TestListener;
import junit.framework.TestResult;
import junit.framework.TestSuite;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One class's run in a JUnit 3 run, reported as Surefire's JUnit 3 provider reports it: each test's start, and each
 * problem it reports ({@code addFailure} a failure, {@code addError} an error), is one testcase named by the test's
 * {@code toString()} ({@code testAdds(com.acme.MoneyTest)}: method {@code testAdds} of class
 * {@code com.acme.MoneyTest}), so a suite's tests count in its class's report under their own classes, JUnit 3's
 * {@code warning} test under {@code junit.framework.TestSuite$1}. A POJO test's are named
 * {@code com.acme.Helper.testIt()}, and a failing {@code setUp()} or {@code tearDown()} ends its class's run.
 *
 * <p>Tests may report from threads of their own ({@code ActiveTestSuite}): the run keeps its lock only while it
 * updates its state, never while a test runs.
 */
final class JUnit3Run {
    private final JUnit3Plan.Entry entry;
    private final TestPlan plan;
    private final BatchListener listener;
    /** The test entries started and not ended, by test and thread. Guarded by {@code this}. */
    private final Map<Running, Open> open = new HashMap<>();

    /** A test running on a thread: by the test object's identity, as JUnit 3 tells its listener of it. */
    private record Running(Object test, Thread thread) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Running r && r.test == test && r.thread == thread;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(test) * 31 + thread.hashCode();
        }
    }

    /** A started test entry, and whether its outcome has been reported. */
    private static final class Open {
        final TestIdentifier id;
        final String className;
        final String name;
        boolean reported;

        Open(TestIdentifier id, String className, String name) {
            this.id = id;
            this.className = className;
            this.name = name;
        }
    }

    /** What ends a class's run before its end: Surefire's provider stops its whole run there. */
    private static final class SetFailure extends Exception {
        SetFailure(Throwable cause) {
            super(cause);
        }
    }

    JUnit3Run(JUnit3Plan.Entry entry, TestPlan plan, BatchListener listener) {
        this.entry = entry;
        this.plan = plan;
        this.listener = listener;
    }

    /**
     * Runs the class. What keeps it from running (a {@code suite()} that throws, a POJO test that cannot be made) is
     * the class's error: Surefire's provider ends the fork's run with it.
     */
    void run() {
        TestIdentifier root = plan.getTestIdentifier(entry.root().getUniqueId());
        listener.executionStarted(root);
        TestExecutionResult result = TestExecutionResult.successful();
        try {
            if (entry.kind() == JUnit3Plan.Kind.JUNIT) {
                runJUnit();
            } else {
                runPojo();
            }
        } catch (SetFailure e) {
            Throwable cause = e.getCause();
            JUnit3Reporting.pruneTrace(cause);
            result = TestExecutionResult.failed(cause);
        }
        synchronized (this) {
            // A test left open (a custom Test that started one and never ended it) ends with its class.
            for (Open left : List.copyOf(open.values())) {
                if (!left.reported) {
                    listener.executionFinished(left.id, TestExecutionResult.successful());
                }
            }
            open.clear();
        }
        listener.executionFinished(root, result);
    }

    private void runJUnit() throws SetFailure {
        Test test = testObject(entry.type());
        TestResult result = new TestResult();
        result.addListener(new Listener());
        try {
            test.run(result);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            throw new SetFailure(t);
        }
    }

    /** As Surefire's provider makes it: the class's {@code suite()}, else a {@code TestSuite} of it. */
    private static Test testObject(Class<?> type) throws SetFailure {
        try {
            Method suite = suiteMethod(type);
            if (suite != null) {
                Object made = suite.invoke(null);
                if (made instanceof Test test) {
                    return test;
                }
                if (made != null) {
                    throw new SetFailure(new IllegalStateException(type.getName() + ".suite() returned a "
                            + made.getClass().getName() + ", not a Test"));
                }
            }
            if (Test.class.isAssignableFrom(type)) {
                return new TestSuite(type);
            }
            throw new SetFailure(new IllegalStateException(type.getName() + " is not a JUnit 3 test"));
        } catch (InvocationTargetException e) {
            throw new SetFailure(e.getTargetException());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new SetFailure(e);
        }
    }

    private static Method suiteMethod(Class<?> type) {
        try {
            Method suite = type.getMethod("suite");
            int modifiers = suite.getModifiers();
            return Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) ? suite : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** JUnit 3's events as Surefire's provider takes them. */
    private final class Listener implements TestListener {
        @Override
        public void startTest(Test test) {
            String description = String.valueOf(test);
            started(test, JUnit3Reporting.classOf(description), JUnit3Reporting.methodOf(description));
        }

        @Override
        public void addError(Test test, Throwable t) {
            problem(test, t, false, test.getClass().getName(), JUnit3Reporting.nameOf(test));
        }

        @Override
        public void addFailure(Test test, AssertionFailedError t) {
            problem(test, t, true, test.getClass().getName(), JUnit3Reporting.nameOf(test));
        }

        @Override
        public void endTest(Test test) {
            ended(test);
        }
    }

    /**
     * Runs the POJO test's public {@code test*} methods, each on a new instance, between its {@code setUp()} and
     * {@code tearDown()}; every problem is a failure, and one in {@code setUp()} or {@code tearDown()} stops the class.
     */
    private void runPojo() throws SetFailure {
        Class<?> type = entry.type();
        List<Method> tests = new ArrayList<>();
        Method setUp = null;
        Method tearDown = null;
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())
                    || m.getReturnType() != void.class
                    || m.getParameterTypes().length != 0) {
                continue;
            }
            if (m.getName().startsWith("test")) {
                tests.add(m);
            } else if (m.getName().equals("setUp")) {
                setUp = m;
            } else if (m.getName().equals("tearDown")) {
                tearDown = m;
            }
        }
        String className = type.getName();
        for (Method method : tests) {
            Object instance;
            try {
                instance = type.getDeclaredConstructor().newInstance();
            } catch (InvocationTargetException e) {
                throw new SetFailure(e.getTargetException());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                throw new SetFailure(e);
            }
            Thread self = Thread.currentThread();
            Object test = method;
            started(test, className, className + "." + method.getName() + "()");
            try {
                if (setUp != null) {
                    setUp.invoke(instance);
                }
            } catch (Throwable e) {
                // As the provider has it: the reflective call's exception itself, not what the method threw.
                problem(test, e, true, className, method.getName());
                ended(test);
                return;
            }
            try {
                method.invoke(instance);
                succeeded(test, self);
            } catch (InvocationTargetException e) {
                problem(test, e.getTargetException(), true, className, method.getName());
            } catch (Throwable e) {
                problem(test, e, true, className, method.getName());
            }
            try {
                if (tearDown != null) {
                    tearDown.invoke(instance);
                }
            } catch (Throwable e) {
                problem(test, e, true, className, method.getName());
                ended(test);
                return;
            }
            ended(test);
        }
    }

    private void started(Object test, String className, String name) {
        TestIdentifier id = register(className, name);
        synchronized (this) {
            open.put(new Running(test, Thread.currentThread()), new Open(id, className, name));
        }
        listener.executionStarted(id);
    }

    /**
     * A problem the test reported: it ends the test's entry, or, when that has its outcome already (a second problem)
     * or the test never started (a decorator's {@code setUp()}), is an entry of its own, as in Surefire's report.
     *
     * @param testClass what Surefire's summary line names the test by: the test object's class, or the POJO's
     * @param testMethod the test's {@code getName()}, or the POJO test's method
     */
    private void problem(Object test, Throwable t, boolean failure, String testClass, String testMethod) {
        JUnit3Reporting.pruneTrace(t);
        TestIdentifier id = null;
        String className = null;
        String name = null;
        synchronized (this) {
            Open o = open.get(new Running(test, Thread.currentThread()));
            if (o != null && !o.reported) {
                o.reported = true;
                id = o.id;
            } else if (o != null) {
                className = o.className;
                name = o.name;
            }
        }
        if (id == null) {
            String description = String.valueOf(test);
            id = register(
                    className != null ? className : JUnit3Reporting.classOf(description),
                    name != null ? name : JUnit3Reporting.methodOf(description));
            listener.executionStarted(id);
        }
        String line = JUnit3Reporting.problemLine(testClass, testMethod, t);
        UnaryOperator<TestOutcome> asJUnit3 =
                outcome -> outcome.withStatus(failure ? TestOutcome.FAILED : TestOutcome.ERROR)
                        .withStackTrace(JUnit3Reporting.withMultiLineMessage(t, outcome.stackTrace()))
                        .withProblemLine(line);
        listener.executionFinished(id, TestExecutionResult.failed(t), asJUnit3);
    }

    private void succeeded(Object test, Thread thread) {
        TestIdentifier id;
        synchronized (this) {
            Open o = open.get(new Running(test, thread));
            if (o == null || o.reported) {
                return;
            }
            o.reported = true;
            id = o.id;
        }
        listener.executionFinished(id, TestExecutionResult.successful());
    }

    /** The test ended: passed, unless it reported a problem. */
    private void ended(Object test) {
        succeeded(test, Thread.currentThread());
        synchronized (this) {
            open.remove(new Running(test, Thread.currentThread()));
        }
    }

    /** A new test entry in the plan, under the class's container. */
    private TestIdentifier register(String className, String name) {
        JUnit3Plan.Node node = entry.root().test(className, name);
        TestIdentifier id;
        synchronized (plan) {
            entry.root().addChild(node);
            id = TestIdentifier.from(node);
            plan.addInternal(id);
        }
        listener.dynamicTestRegistered(id);
        return id;
    }
}
