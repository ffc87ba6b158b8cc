package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ci.fast.maven.booter.ForkEvent;
import ci.fast.maven.booter.Markers;
import ci.fast.maven.report.ClassResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Native output attributed by the markers around it; each pump runs to its stream's end on the test thread. */
class NativeOutputPumpTest {
    private static final String NONCE = "5b0e6c1e-8d0f-4c43-9a52-0c1f7d1b2a3e";
    private static final String A = "com.acme.ATest";
    private static final String B = "com.acme.BTest";

    private final List<ClassResult> completed = new ArrayList<>();
    private final StringBuilder stray = new StringBuilder();
    private final ClassAssembler assembler = new ClassAssembler(completed::add, stray::append);

    @Test
    void attributesNativeTextToTheClassBetweenItsMarkers() {
        started(A, B);
        finished(A, B);

        pump(
                false,
                "jvm banner\n"
                        + start(A) + "a line 1\na line 2\n" + end(A)
                        + "between\n"
                        + start(B) + "b line\n" + end(B)
                        + "after\n");
        pump(true, start(A) + "a err\n" + end(A) + start(B) + end(B));

        assertEquals(List.of(A, B), names());
        assertEquals("a line 1\na line 2\n", completed.get(0).stdout());
        assertEquals("a err\n", completed.get(0).stderr());
        assertEquals("b line\n", completed.get(1).stdout());
        assertEquals("", completed.get(1).stderr());
        assertEquals("jvm banner\nbetween\nafter\n", stray.toString());
    }

    @Test
    void keepsTextWithoutNewlineBeforeAnEndMarkerInItsClass() {
        started(A, B);
        finished(A, B);

        pump(false, start(A) + "progress: 50%" + end(A) + start(B) + "b\n" + end(B));
        pump(true, "");

        assertEquals("progress: 50%", completed.get(0).stdout());
        assertEquals("b\n", completed.get(1).stdout());
        assertEquals("", stray.toString());
    }

    @Test
    void mergesNativeTextWithCapturedOutputOfTheSameClass() {
        started(A);
        assembler.event(new ForkEvent.Output(A, null, false, "captured\n".getBytes(StandardCharsets.UTF_8)));
        finished(A);

        pump(false, start(A) + "native\n" + end(A));
        pump(true, start(A) + end(A));

        assertEquals("captured\nnative\n", completed.get(0).stdout());
    }

    @Test
    void treatsABrokenStreamAsEnded() {
        started(A);
        finished(A);
        byte[] before = (start(A) + "last words\n").getBytes(StandardCharsets.UTF_8);
        InputStream broken = new InputStream() {
            private int next;

            @Override
            public int read() throws IOException {
                if (next < before.length) {
                    return before[next++] & 0xff;
                }
                throw new IOException("Stream closed");
            }
        };

        new NativeOutputPump(broken, false, NONCE, assembler).run();
        pump(true, start(A) + end(A));

        assertEquals(List.of(A), names());
        assertEquals("last words\n", completed.get(0).stdout());
    }

    @Test
    void completesAClassWhoseEndMarkerNeverCameWhenTheStreamEnds() {
        started(A);
        finished(A);

        pump(false, start(A) + "printed as the JVM died");
        assertEquals(List.of(), completed, "stderr is still open");
        pump(true, start(A));

        assertEquals(List.of(A), names());
        assertEquals("printed as the JVM died\n", completed.get(0).stdout());
    }

    @Test
    void ignoresMarkersOfAnotherNonce() {
        started(A);
        finished(A);
        String foreign = Markers.line("00000000-0000-0000-0000-000000000000", Markers.END, A);

        pump(false, start(A) + foreign + end(A));
        pump(true, "");

        assertEquals(foreign, completed.get(0).stdout());
    }

    private void started(String... keys) {
        for (String key : keys) {
            assembler.event(new ForkEvent.ClassStarted(key));
        }
    }

    private void finished(String... keys) {
        for (String key : keys) {
            assembler.event(new ForkEvent.ClassFinished(key, 0.1, ""));
        }
    }

    private void pump(boolean stderr, String text) {
        new NativeOutputPump(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), stderr, NONCE, assembler)
                .run();
    }

    private static String start(String key) {
        return Markers.line(NONCE, Markers.START, key);
    }

    private static String end(String key) {
        return Markers.line(NONCE, Markers.END, key);
    }

    private List<String> names() {
        return completed.stream().map(ClassResult::className).toList();
    }
}
