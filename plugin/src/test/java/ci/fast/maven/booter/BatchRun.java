package ci.fast.maven.booter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch run through the real JUnit Platform in this JVM, as a fork runs it: its output captured, its events
 * decoded as Maven reads them. System.out and System.err are restored after.
 *
 * @param events what Maven received, in order
 * @param wire each class's outcomes as sent to the orchestrator
 */
record BatchRun(List<ForkEvent> events, Map<String, List<Map<String, Object>>> wire) {

    static BatchRun of(List<String> classes, int reruns) throws IOException {
        return of(classes, reruns, false);
    }

    /** @param junit4Reports whether the reports follow Surefire's JUnit 4 provider */
    static BatchRun of(List<String> classes, int reruns, boolean junit4Reports) throws IOException {
        return of(classes, reruns, junit4Reports, List.of());
    }

    /** @param suiteSelectors what the batch entry {@link TestRunOptions#SUITE_FILES} runs */
    static BatchRun of(List<String> classes, int reruns, boolean junit4Reports, List<String> suiteSelectors)
            throws IOException {
        return run(reruns, 0, junit4Reports, suiteSelectors, tests -> tests.run(classes));
    }

    /** The batch entry {@link TestRunOptions#SUITE_FILES} of {@code suiteSelectors}, with {@code testNg} applied. */
    static BatchRun ofTestNg(List<String> classes, List<String> suiteSelectors, TestNgSuite testNg) throws IOException {
        return run(0, 0, false, suiteSelectors, testNg, true, false, tests -> tests.run(classes));
    }

    /**
     * The batches run one after the other by one fork whose node stops after {@code skipAfterFailureCount} failed
     * tests; {@code wire} is the last batch's.
     */
    static BatchRun ofBatches(List<List<String>> batches, int skipAfterFailureCount) throws IOException {
        return run(0, skipAfterFailureCount, false, List.of(), tests -> {
            Map<String, List<Map<String, Object>>> last = Map.of();
            for (List<String> batch : batches) {
                last = tests.run(batch);
            }
            return last;
        });
    }

    /**
     * JUnit 4 classes as Surefire's JUnit 4 provider reports them, run directly with JUnit 4's API where the batch
     * allows it ({@code direct}), or through the Vintage engine.
     */
    static BatchRun ofJUnit4(List<String> classes, boolean direct) throws IOException {
        return run(0, 0, true, List.of(), TestNgSuite.NONE, direct, false, tests -> tests.run(classes));
    }

    /** JUnit 3 classes as Surefire's JUnit 3 provider runs and reports them, with the project's own junit jar. */
    static BatchRun ofJUnit3(List<String> classes) throws IOException {
        return run(0, 0, true, List.of(), TestNgSuite.NONE, false, true, tests -> tests.run(classes));
    }

    /** The classes reported skipped with {@code reason}, none run. */
    static BatchRun skipped(List<String> classes, String reason) throws IOException {
        return run(0, 0, false, List.of(), tests -> tests.skip(classes, reason));
    }

    private static BatchRun run(
            int reruns,
            int skipAfterFailureCount,
            boolean junit4Reports,
            List<String> suiteSelectors,
            java.util.function.Function<PlatformTests, Map<String, List<Map<String, Object>>>> call)
            throws IOException {
        return run(reruns, skipAfterFailureCount, junit4Reports, suiteSelectors, TestNgSuite.NONE, true, false, call);
    }

    private static BatchRun run(
            int reruns,
            int skipAfterFailureCount,
            boolean junit4Reports,
            List<String> suiteSelectors,
            TestNgSuite testNg,
            boolean direct,
            boolean ownJUnit3,
            java.util.function.Function<PlatformTests, Map<String, List<Map<String, Object>>>> call)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        Map<String, List<Map<String, Object>>> wire;
        try (EventSink sink = new EventSink(bytes)) {
            OutputRouter router = new OutputRouter(sink, "test-nonce");
            router.install();
            wire = call.apply(new PlatformTests(
                    sink,
                    router,
                    List.of(),
                    reruns,
                    Map.of(),
                    skipAfterFailureCount,
                    junit4Reports,
                    suiteSelectors,
                    testNg,
                    direct,
                    ownJUnit3));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        List<ForkEvent> events = new ArrayList<>();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        for (ForkEvent e = ForkEventCodec.read(in); e != null; e = ForkEventCodec.read(in)) {
            events.add(e);
        }
        return new BatchRun(events, wire);
    }

    /** The events of one type, in order. */
    <T extends ForkEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
