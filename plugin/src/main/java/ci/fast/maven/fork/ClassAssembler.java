package ci.fast.maven.fork;

import ci.fast.maven.booter.ForkEvent;
import ci.fast.maven.booter.TestOutcome;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.report.TestSet;
import ci.fast.maven.results.ClassArrivals;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Puts one fork's class results together from its three streams: the event socket, and native stdout and stderr. A
 * class is complete once its finish event has come and both native streams have passed its end marker (or ended),
 * so that everything it printed is in its report. Thread-safe: each stream has its own reader thread.
 *
 * <p>What a class printed on System.out and System.err goes to its tests as Surefire 3.5 attributes it: a test's run
 * gets what its thread printed while it ran, and what was printed outside any test since the last test or container
 * ended (a static initializer, a {@code @BeforeAll}); what is printed after the last test of a container (its
 * {@code @AfterAll}) belongs to no test. The class keeps all of it, for the console or its output file.
 */
final class ClassAssembler {
    /** The failure type of a test lost with its fork, as Surefire names a fork's crash. */
    static final String CRASH_TYPE = "ForkedProcessCrash";

    private final ClassArrivals completed;
    private final Consumer<String> stray;
    private final Consumer<String> started;
    /** The token our server named the fork's node with, or null. */
    private String token;
    /** Classes started and not yet complete, in start order. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** The classes of the batch being run without a result yet. */
    private final Set<String> batch = new LinkedHashSet<>();
    /**
     * The wire outcomes of the batch being run, by class: what the server has not had yet (results go with the next
     * deq), so what a replacement fork carries to it when this one dies.
     */
    private final Map<String, List<TestOutcome>> batchOutcomes = new LinkedHashMap<>();

    private final boolean[] streamClosed = new boolean[2];
    /** The fork's system properties as last sent (only when they change); null before the first. */
    private Map<String, String> lastProperties;

    /**
     * @param completed receives each class once complete, on a reader thread; when it is {@link ClassArrivals}, each
     *     class's start too, as the fork's event says it starts
     * @param stray receives output printed outside any class
     */
    ClassAssembler(Consumer<ClassResult> completed, Consumer<String> stray) {
        this(completed, stray, key -> {});
    }

    /**
     * @param started receives the name of each class container as it starts (the class, then each {@code @Nested}
     *     class; a {@code @DisplayName} if it has one), for Surefire's "Running" lines
     */
    ClassAssembler(Consumer<ClassResult> completed, Consumer<String> stray, Consumer<String> started) {
        this.completed = ClassArrivals.of(completed);
        this.stray = stray;
        this.started = started;
    }

    synchronized void event(ForkEvent event) {
        if (event instanceof ForkEvent.Named n) {
            token = n.token();
        } else if (event instanceof ForkEvent.Reconnected) {
            completed.reconnected();
        } else if (event instanceof ForkEvent.Batch b) {
            // A new batch means the server answered the results of the last one, the classes that yielded no test too.
            batchOutcomes.clear();
            batch.clear();
            batch.addAll(b.classes());
            b.classes().forEach(key -> batchOutcomes.put(key, new ArrayList<>()));
        } else if (event instanceof ForkEvent.ClassStarted s) {
            pending.putIfAbsent(s.key(), new Pending());
            completed.classStarted(s.key());
        } else if (event instanceof ForkEvent.SetStarted s) {
            started.accept(s.name());
        } else if (event instanceof ForkEvent.SetFinished s) {
            Pending p = pending.computeIfAbsent(s.key(), k -> new Pending());
            // An older fork's event, or a set of no class of its own: the key's.
            String className = s.className() == null ? s.key() : s.className();
            String chained = s.chainedName() == null ? className : s.chainedName();
            p.sets.add(new TestSet(s.name(), className, chained, p.tests.size(), s.seconds()));
            p.loose.take(); // an @AfterAll's output: no test's
        } else if (event instanceof ForkEvent.Output o) {
            Pending p = pending.get(o.key());
            if (p == null) {
                stray.accept(new String(o.bytes(), StandardCharsets.UTF_8));
            } else {
                (o.stderr() ? p.err : p.out).writeBytes(o.bytes());
                Printed owner = o.test() == null ? p.loose : p.running.computeIfAbsent(o.test(), t -> new Printed());
                owner.write(o.stderr(), o.bytes());
            }
        } else if (event instanceof ForkEvent.TestFinished t) {
            Pending p = pending.computeIfAbsent(t.key(), k -> new Pending());
            p.tests.add(p.printedBy(t.test(), result(t.outcome())));
            List<TestOutcome> wire = batchOutcomes.get(t.key());
            if (wire != null) {
                wire.add(t.outcome());
            }
        } else if (event instanceof ForkEvent.SystemProperties sp) {
            lastProperties = sp.properties();
        } else if (event instanceof ForkEvent.TestRerun r) {
            rerun(r);
            List<TestOutcome> wire = batchOutcomes.get(r.key());
            if (wire != null) {
                // the server gets a test's final status: its latest run replaces the one before
                wire.removeIf(w -> w.wireName().equals(r.outcome().wireName()));
                wire.add(r.outcome());
            }
        } else if (event instanceof ForkEvent.ClassFinished f) {
            Pending p = pending.computeIfAbsent(f.key(), k -> new Pending());
            p.properties = lastProperties; // sent before the finish when they changed, else the same as before
            p.finished = true;
            p.seconds = f.seconds();
            p.context = f.context();
            p.methods = f.methods();
            tryComplete(f.key());
        }
    }

    /**
     * Native output of {@code key} (null outside any class). The native streams and the event socket are read on
     * different threads, so a start marker may be seen before the class's start event: the marker is enough.
     */
    synchronized void nativeText(boolean stderr, String key, String text) {
        Pending p = key == null ? null : pending.computeIfAbsent(key, k -> new Pending());
        if (p == null) {
            stray.accept(text);
        } else {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            (stderr ? p.err : p.out).writeBytes(bytes);
            p.natively.write(stderr, bytes);
        }
    }

    /** A native stream passed {@code key}'s end marker, possibly before the class's start event arrived. */
    synchronized void nativeEnd(boolean stderr, String key) {
        pending.computeIfAbsent(key, k -> new Pending()).ended[stderr ? 1 : 0] = true;
        tryComplete(key);
    }

    /** A native stream reached its end: no more markers will come on it. */
    synchronized void nativeClosed(boolean stderr) {
        streamClosed[stderr ? 1 : 0] = true;
        for (String key : List.copyOf(pending.keySet())) {
            tryComplete(key);
        }
    }

    /**
     * The fork is gone: every class it started without a result is reported as an error naming {@code cause}; the
     * classes of its batch it never started are left for the server to hand out again.
     */
    synchronized Abandoned abandon(String cause) {
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (!e.getValue().finished) {
                lost.add(e.getKey()); // a finished class lacks only end markers the dead fork never wrote
            }
        }
        List<String> unstarted =
                batch.stream().filter(key -> !pending.containsKey(key)).toList();
        for (String key : lost) {
            Pending p = pending.get(key);
            TestOutcome crash = new TestOutcome(
                    simpleName(key), simpleName(key), key, TestOutcome.ERROR, 0, CRASH_TYPE, cause, cause, null);
            // What the class printed last, up to the crash, is the likeliest clue: it goes with the crash.
            p.running.values().forEach(p.loose::append);
            p.running.clear();
            p.tests.add(p.printedBy(null, result(crash)));
            p.finished = true;
            batchOutcomes.computeIfAbsent(key, k -> new ArrayList<>()).add(crash);
        }
        streamClosed[0] = true;
        streamClosed[1] = true;
        for (String key : List.copyOf(pending.keySet())) {
            tryComplete(key);
        }
        Map<String, List<Map<String, Object>>> carried = new LinkedHashMap<>();
        batchOutcomes.forEach((key, outcomes) -> {
            if (!unstarted.contains(key)) {
                carried.put(key, outcomes.stream().map(TestOutcome::wire).toList());
            }
        });
        batch.removeAll(unstarted);
        return new Abandoned(lost, unstarted, carried);
    }

    /**
     * The wire outcomes of the batch last announced, by class, as far as they came. A fork that ran the classes it was
     * handed (reuseForks=false) and said goodbye has sent them all: they are its node's results for them.
     */
    /** The token our server last named the fork's node with; null when it named none (the cloud never does). */
    synchronized String token() {
        return token;
    }

    synchronized Map<String, List<Map<String, Object>>> outcomes() {
        Map<String, List<Map<String, Object>>> wire = new LinkedHashMap<>();
        batchOutcomes.forEach((key, outcomes) ->
                wire.put(key, outcomes.stream().map(TestOutcome::wire).toList()));
        return wire;
    }

    /** Attaches a rerun to the latest run of the same test in its class; the class is not finished before its reruns. */
    private void rerun(ForkEvent.TestRerun r) {
        Pending p = pending.computeIfAbsent(r.key(), k -> new Pending());
        List<TestResult> tests = p.tests;
        TestResult run = p.printedBy(r.test(), result(r.outcome()));
        for (int i = tests.size() - 1; i >= 0; i--) {
            TestResult t = tests.get(i);
            if (t.name().equals(run.name()) && t.className().equals(run.className())) {
                tests.set(i, t.withRerun(run));
                return;
            }
        }
        tests.add(run); // its first run never reached us: still report what ran
    }

    /**
     * What a dead fork left behind.
     *
     * @param lost classes it was running, now reported as errors
     * @param unstarted classes of its batch it never started, which the server hands out again
     * @param carried the wire outcomes of its batch's classes that have a result here but maybe not on the server
     */
    record Abandoned(List<String> lost, List<String> unstarted, Map<String, List<Map<String, Object>>> carried) {}

    private void tryComplete(String key) {
        Pending p = pending.get(key);
        if (p == null || !p.finished || !(p.ended[0] || streamClosed[0]) || !(p.ended[1] || streamClosed[1])) {
            return;
        }
        pending.remove(key);
        batch.remove(key);
        completed.accept(ClassResult.builder(key)
                .tests(p.tests)
                .seconds(p.seconds)
                .output(p.out.toString(StandardCharsets.UTF_8), p.err.toString(StandardCharsets.UTF_8))
                .properties(p.properties)
                .nativeOutput(
                        p.natively.out.toString(StandardCharsets.UTF_8),
                        p.natively.err.toString(StandardCharsets.UTF_8))
                .sets(p.sets)
                .context(p.context)
                .methods(p.methods)
                .build());
    }

    private static TestResult result(TestOutcome t) {
        return TestResult.builder(t.name(), t.reportClass(), Status.valueOf(t.status()))
                .seconds(t.seconds())
                .failure(t.failureType(), t.failureMessage(), t.stackTrace())
                .skipReason(t.skipReason())
                .classDisplayName(t.classDisplayName())
                .startedAt(t.startedAt())
                .phrasedName(t.phrasedName())
                .problemLine(t.problemLine())
                .build();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static final class Pending {
        final List<TestResult> tests = new ArrayList<>();
        /** All the class printed, in the order it came. */
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        /** What reached the native streams. */
        final Printed natively = new Printed();
        /** What was printed outside any test since the last test or container ended. */
        final Printed loose = new Printed();
        /** What each test run printed that has not finished yet, by its token. */
        final Map<String, Printed> running = new HashMap<>();
        /** The containers that finished, in order. */
        final List<TestSet> sets = new ArrayList<>();
        /** Whether native stdout [0] and stderr [1] have passed the class's end marker. */
        final boolean[] ended = new boolean[2];

        boolean finished;
        double seconds;
        /** The per-JVM cache the class used, or "". */
        String context = "";
        /** The seconds of each test method, when the class may be split by method; empty else. */
        Map<String, Double> methods = Map.of();
        /** The fork's system properties at the class's end; null until they come (a fork that died sends none). */
        Map<String, String> properties;

        /** {@code run} with what its test printed: the output outside any test first, then its own. */
        TestResult printedBy(String token, TestResult run) {
            Printed own = token == null ? null : running.remove(token);
            if (own != null) {
                loose.append(own);
            }
            Printed all = loose.take();
            return all.isEmpty()
                    ? run
                    : run.withOutput(
                            all.out.toString(StandardCharsets.UTF_8), all.err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Bytes printed on standard output and standard error. */
    private static final class Printed {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        void write(boolean stderr, byte[] bytes) {
            (stderr ? err : out).writeBytes(bytes);
        }

        void append(Printed other) {
            out.writeBytes(other.out.toByteArray());
            err.writeBytes(other.err.toByteArray());
        }

        boolean isEmpty() {
            return out.size() == 0 && err.size() == 0;
        }

        /** What was printed so far; this is empty again after. */
        Printed take() {
            Printed taken = new Printed();
            taken.out = out;
            taken.err = err;
            out = new ByteArrayOutputStream();
            err = new ByteArrayOutputStream();
            return taken;
        }
    }
}
