package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codec's types and frames, beyond those {@link ForkSettings} uses today. */
class SettingsCodecTest {
    record Everything(
            String text,
            int small,
            long large,
            boolean flag,
            Integer boxed,
            Long boxedLong,
            Boolean boxedFlag,
            Path path,
            Duration duration,
            List<String> texts,
            List<Path> paths,
            Map<String, String> map,
            Map<String, List<Path>> nestedMap,
            TestFilters filters,
            Inner inner) {}

    record Inner(String name, List<Integer> numbers) {}

    record Odd(Object thing) {}

    @Test
    void carriesEveryTypeItNames() throws Exception {
        Everything written = new Everything(
                "a",
                -1,
                Long.MIN_VALUE,
                true,
                42,
                7L,
                false,
                Path.of("x", "y"),
                Duration.ofMillis(1500),
                List.of("b", ""),
                List.of(Path.of("/p")),
                Map.of("k", "v"),
                Map.of("k", List.of(Path.of("q"))),
                new TestFilters(List.of("A#a"), List.of(), List.of("fast"), List.of("slow")),
                new Inner("i", List.of(1, 2)));

        assertEquals(written, roundTrip(written, Everything.class));
    }

    @Test
    void carriesNullsWhereverTheyMayBe() throws Exception {
        Everything written = new Everything(
                null,
                0,
                0,
                false,
                null,
                null,
                null,
                null,
                null,
                Arrays.asList("a", null),
                null,
                null,
                null,
                null,
                new Inner(null, Arrays.asList(null, 1)));

        assertEquals(written, roundTrip(written, Everything.class));
    }

    @Test
    void namesTheComponentWhoseTypeItCannotCarry() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SettingsCodec.write(new DataOutputStream(new ByteArrayOutputStream()), new Odd("x")));

        assertTrue(e.getMessage().startsWith("Odd.thing: "), e.getMessage());
    }

    @Test
    void refusesAFrameWithBytesBeyondItsRecord() throws Exception {
        byte[] frame = frame(new Inner("i", List.of()));
        byte[] longer = Arrays.copyOf(frame, frame.length + 1);
        longer[3]++; // the length prefix covers the extra byte

        IOException e = assertThrows(IOException.class, () -> read(longer, Inner.class));

        assertTrue(e.getMessage().contains("different versions"), e.getMessage());
    }

    @Test
    void refusesALengthNoSettingsHave() {
        byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

        assertThrows(IOException.class, () -> read(garbage, Inner.class));
    }

    /** A record that refuses a negative count, as settings records check their values. */
    record Refusing(String name, int rerunFailingTestsCount) {
        Refusing {
            if (rerunFailingTestsCount < 0) {
                throw new IllegalArgumentException("rerunFailingTestsCount must be 0 or more");
            }
        }
    }

    @Test
    void reportsSettingsTheRecordRefusesAsABrokenFrame() throws Exception {
        byte[] frame = frame(new Refusing("n", 0));
        // The count is the frame's last int: make it negative, which the record refuses.
        frame[frame.length - 4] = (byte) 0xff;

        IOException e = assertThrows(IOException.class, () -> read(frame, Refusing.class));

        assertTrue(e.getMessage().contains("rerunFailingTestsCount"), e.getMessage());
    }

    private static <R extends Record> R roundTrip(R record, Class<R> type) throws IOException {
        return read(frame(record), type);
    }

    private static byte[] frame(Record record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        SettingsCodec.write(out, record);
        out.flush();
        return bytes.toByteArray();
    }

    private static <R extends Record> R read(byte[] frame, Class<R> type) throws IOException {
        return SettingsCodec.read(new DataInputStream(new ByteArrayInputStream(frame)), type);
    }
}
