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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        Map<String, List<Map<String, Object>>> wire;
        try (EventSink sink = new EventSink(bytes)) {
            OutputRouter router = new OutputRouter(sink, "test-nonce");
            router.install();
            wire = new PlatformTests(sink, router, List.of(), reruns, Map.of(), junit4Reports, suiteSelectors)
                    .run(classes);
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
