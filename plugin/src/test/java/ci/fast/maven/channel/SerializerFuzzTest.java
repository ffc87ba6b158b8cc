package ci.fast.maven.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random and mutated frames through the codec, from fixed seeds so that a failure replays: every text either decodes
 * to a frame that encodes back to an equal frame, or is refused with a {@link FrameException}; nothing else escapes.
 */
class SerializerFuzzTest {
    private static final List<String> VALID = List.of(
            "{\"topic\":\"test_orchestrator:junit-1\",\"event\":\"phx_join\",\"payload\":{},\"ref\":1}",
            "{\"event\":\"phx_reply\",\"topic\":\"t\",\"ref\":3,\"payload\":{\"status\":\"ok\","
                    + "\"response\":{\"event\":\"deq\",\"tests\":[\"com.acme.A\",\"com.acme.B\"]}}}",
            "[\"1\",\"2\",\"test_orchestrator:junit-1\",\"deq\",{\"com.acme.A\":{\"file_status\":\"passed\","
                    + "\"test_count\":1,\"a()\":{\"status\":\"passed\",\"run_time\":0.5}}}]",
            "{\"topic\":\"phoenix\",\"event\":\"heartbeat\",\"payload\":{},\"ref\":null}");
    private static final String ALPHABET = "{}[]\":,0123456789.-eE tnrufals\\\u00e9\u2603xyz";
    private static final int CASES = 20_000;

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20261128L})
    void mutatedFramesDecodeOrAreRefusedWithAReason(long seed) {
        Random random = new Random(seed);
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            String text = mutate(VALID.get(random.nextInt(VALID.size())), random);
            if (decodeOrRefuse(text, seed)) {
                decoded++;
            } else {
                refused++;
            }
        }
        // Both branches must be exercised, or the mutations are too weak (or too strong) to test anything.
        assertFalse(decoded == 0 || refused == 0, "decoded " + decoded + ", refused " + refused);
    }

    @ParameterizedTest
    @ValueSource(longs = {7L, 99L})
    void randomTextIsRefusedOrDecodedNeverThrowsAnythingElse(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            decodeOrRefuse(text.toString(), seed);
        }
    }

    @Test
    void trailingTextAfterAFrameIsRefused() {
        FrameException e = assertThrows(FrameException.class, () -> Serializer.decode(VALID.get(0) + " {}"));
        assertEquals("not JSON: " + VALID.get(0) + " {}", e.getMessage());
        assertThrows(FrameException.class, () -> Serializer.decode(VALID.get(0) + "x"));
        assertThrows(FrameException.class, () -> Serializer.decode(""));
        assertNotNull(Serializer.decode(VALID.get(0) + " \n").frame(), "whitespace after the value is JSON");
    }

    /** True when decoded (and the round trip holds), false when refused; fails the test on any other outcome. */
    private static boolean decodeOrRefuse(String text, long seed) {
        Serializer.Decoded decoded;
        try {
            decoded = Serializer.decode(text);
        } catch (FrameException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal says why");
            return false;
        } catch (RuntimeException e) {
            fail("seed " + seed + ": " + e + " escaped decoding " + text, e);
            return false;
        }
        Frame again =
                Serializer.decode(decoded.serializer().encode(decoded.frame())).frame();
        assertEquals(decoded.frame(), again, "seed " + seed + ": round trip of " + text);
        return true;
    }

    /** One to three edits: delete, insert, replace a character, cut the tail, or double the text. */
    private static String mutate(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(5)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, c);
                case 2 -> b.setCharAt(at, c);
                case 3 -> b.setLength(at);
                default -> b.append(b.toString());
            }
        }
        return b.toString();
    }
}
