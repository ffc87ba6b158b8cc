package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Round trips of every {@link ForkEvent} through the binary codec the fork and Maven share. */
class ForkEventCodecTest {
    private static final String NON_ASCII = "Prüfung_Ωμέγα_测试_😀";

    static Stream<ForkEvent> eventsWithoutBytes() {
        return Stream.of(
                new ForkEvent.Joined(0),
                new ForkEvent.Joined(Integer.MAX_VALUE),
                new ForkEvent.Batch(List.of("com.acme.A", "com.acme.B", "com.acme." + NON_ASCII)),
                new ForkEvent.Batch(List.of()),
                new ForkEvent.ClassStarted("com.acme.A"),
                new ForkEvent.ClassStarted(""),
                new ForkEvent.ClassStarted(null),
                new ForkEvent.SetStarted("com.acme.A", "com.acme.A$Inner"),
                new ForkEvent.SetStarted("com.acme.A", "A named " + NON_ASCII),
                new ForkEvent.SetFinished("com.acme.A", "Inner by name", "com.acme.A$Inner", "A Inner by name", 0.75),
                new ForkEvent.SetFinished("com.acme.A", null, null, null, 0),
                new ForkEvent.TestFinished(
                        "com.acme.A",
                        "12",
                        new TestOutcome(
                                "add(int)[1]",
                                "add(int)[1]",
                                "com.acme.A$Nested",
                                TestOutcome.FAILED,
                                0.0125,
                                "org.opentest4j.AssertionFailedError",
                                "expected: <" + NON_ASCII + "> but was: <x>",
                                "trace\n\tat a.b(C.java:1)\n",
                                null)),
                new ForkEvent.TestFinished(
                        "com.acme.A",
                        null,
                        new TestOutcome(
                                "skips",
                                "skips()",
                                "com.acme.A",
                                TestOutcome.SKIPPED,
                                0,
                                null,
                                null,
                                null,
                                "disabled on " + NON_ASCII)),
                new ForkEvent.TestFinished(
                        null, null, new TestOutcome(null, null, null, null, -1.5, null, null, null, null)),
                new ForkEvent.TestRerun(
                        "com.acme.A",
                        "13",
                        new TestOutcome(
                                "flaky",
                                "flaky()",
                                "com.acme.A",
                                TestOutcome.PASSED,
                                0.5,
                                null,
                                null,
                                null,
                                null,
                                "A named " + NON_ASCII)),
                // When the test started, for Surefire's reportTestTimestamp.
                new ForkEvent.TestFinished(
                        "com.acme.A",
                        "14",
                        new TestOutcome(
                                        "stamped",
                                        "stamped()",
                                        "com.acme.A",
                                        TestOutcome.PASSED,
                                        0.5,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)
                                .withStartedAt(1_764_584_130_123L)
                                .withPhrasedName("a stamped test " + NON_ASCII)),
                // A JUnit 3 run's summary line, worded in the fork.
                new ForkEvent.TestFinished(
                        "com.acme.AllTests",
                        "15",
                        new TestOutcome(
                                        "testFails",
                                        "testFails",
                                        "com.acme.LedgerTest",
                                        TestOutcome.FAILED,
                                        0.5,
                                        "junit.framework.AssertionFailedError",
                                        "no",
                                        "trace",
                                        null,
                                        null)
                                .withProblemLine("com.acme.LedgerTest#testFails AssertionFailedError no " + NON_ASCII)),
                new ForkEvent.SystemProperties(
                        "com.acme.A", Map.of("java.version", "17", "empty", "", NON_ASCII, "line\nbreak")),
                new ForkEvent.SystemProperties("com.acme.A", Map.of()),
                new ForkEvent.ClassFinished("com.acme.A", 3.25, "spring:0a1b2c3d"),
                new ForkEvent.ClassFinished(
                        "com.acme.A#1/2:adds", 3.25, "", Map.of("adds", 1.5, NON_ASCII, 0.0, "divides", 1.75)),
                new ForkEvent.NodeEnded(null),
                new ForkEvent.NodeEnded("the fork failed: " + NON_ASCII));
    }

    @ParameterizedTest
    @MethodSource("eventsWithoutBytes")
    void readsBackWhatItWrote(ForkEvent event) throws IOException {
        assertEquals(event, roundTrip(event));
    }

    @Test
    void readsBackOutputBytesAndStream() throws IOException {
        byte[] text = ("printed " + NON_ASCII + "\n").getBytes(StandardCharsets.UTF_8);

        ForkEvent.Output read = assertInstanceOf(
                ForkEvent.Output.class, roundTrip(new ForkEvent.Output("com.acme.A", "42", true, text)));

        assertEquals("com.acme.A", read.key());
        assertEquals("42", read.test());
        assertTrue(read.stderr());
        assertArrayEquals(text, read.bytes());
    }

    @Test
    void readsBackOutputOutsideAnyClassWithNoBytes() throws IOException {
        ForkEvent.Output read =
                assertInstanceOf(ForkEvent.Output.class, roundTrip(new ForkEvent.Output("", null, false, new byte[0])));

        assertEquals("", read.key());
        assertNull(read.test());
        assertFalse(read.stderr());
        assertArrayEquals(new byte[0], read.bytes());
    }

    @Test
    void readsBackALargeOutputPayload() throws IOException {
        byte[] large = new byte[5 * 1024 * 1024 + 3];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + 7);
        }

        ForkEvent.Output read = assertInstanceOf(
                ForkEvent.Output.class, roundTrip(new ForkEvent.Output("com.acme.A", "1", false, large)));

        assertArrayEquals(large, read.bytes());
    }

    @Test
    void readsASequenceOfEventsInOrderThenNullAtTheEnd() throws IOException {
        List<ForkEvent> written = eventsWithoutBytes().toList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (ForkEvent event : written) {
                ForkEventCodec.write(out, event);
            }
        }

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        List<ForkEvent> read = new ArrayList<>();
        for (ForkEvent event = ForkEventCodec.read(in); event != null; event = ForkEventCodec.read(in)) {
            read.add(event);
        }

        assertEquals(written, read);
        assertNull(ForkEventCodec.read(in), "still null when asked again after the end");
    }

    @Test
    void returnsNullForAnEmptyStream() throws IOException {
        assertNull(ForkEventCodec.read(new DataInputStream(new ByteArrayInputStream(new byte[0]))));
    }

    @Test
    void refusesAnUnknownTagNamingIt() {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(new byte[] {(byte) 0xC8, 0, 0, 0, 0}));

        IOException e = assertThrows(IOException.class, () -> ForkEventCodec.read(in));

        assertTrue(e.getMessage().contains("200"), e.getMessage());
    }

    @Test
    void refusesTagZero() {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(new byte[] {0}));

        assertThrows(IOException.class, () -> ForkEventCodec.read(in));
    }

    @Test
    void failsRatherThanReturningNullWhenTheStreamEndsInsideAnEvent() throws IOException {
        byte[] whole = bytesOf(new ForkEvent.ClassFinished("com.acme.A", 1.5, ""));
        byte[] cut = Arrays.copyOf(whole, whole.length - 3);

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(cut));

        assertThrows(IOException.class, () -> ForkEventCodec.read(in));
    }

    private static ForkEvent roundTrip(ForkEvent event) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytesOf(event)));
        ForkEvent read = ForkEventCodec.read(in);
        assertNull(ForkEventCodec.read(in), "one event, then the end: the codec read exactly what it wrote");
        return read;
    }

    private static byte[] bytesOf(ForkEvent event) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ForkEventCodec.write(out, event);
        }
        return bytes.toByteArray();
    }
}
