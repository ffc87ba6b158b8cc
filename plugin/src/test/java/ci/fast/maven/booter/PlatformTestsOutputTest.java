package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A batch run through the real JUnit Platform in this JVM, its events decoded as Maven reads them: what each test
 * prints carries the token of its run, what is printed outside any test carries none, and each class container is
 * announced by the name Surefire gives it.
 */
class PlatformTestsOutputTest {

    /** The sample class the batch runs; not a test of this build (Surefire skips nested classes). */
    static class Printing {
        static {
            System.out.println("static init");
        }

        @BeforeAll
        static void connect() {
            System.err.println("before all");
        }

        @Test
        void first() {
            System.out.println("first");
        }

        @Test
        void second() {
            System.err.println("second");
        }

        @AfterAll
        static void disconnect() {
            System.out.println("after all");
        }

        @Nested
        @DisplayName("the inner ones")
        class Inner {
            @Test
            void inner() {
                System.out.println("inner");
            }
        }
    }

    @Test
    void sendsWhatEachTestPrintedWithItsRunsTokenAndAnnouncesEachContainer() throws IOException {
        String key = Printing.class.getName();

        List<ForkEvent> events = run(key);

        Map<String, String> tokenOf = new java.util.HashMap<>();
        for (ForkEvent e : events) {
            if (e instanceof ForkEvent.TestFinished t) {
                tokenOf.put(t.outcome().name(), t.test());
            }
        }
        Map<String, String> printed = events.stream()
                .filter(ForkEvent.Output.class::isInstance)
                .map(ForkEvent.Output.class::cast)
                .collect(Collectors.toMap(
                        o -> new String(o.bytes(), StandardCharsets.UTF_8).strip(),
                        o -> o.test() == null ? "none" : o.test(),
                        (a, b) -> a + "," + b));
        assertNotNull(tokenOf.get("first"));
        assertEquals(tokenOf.get("first"), printed.get("first"));
        assertEquals(tokenOf.get("second"), printed.get("second"));
        assertEquals(tokenOf.get("inner"), printed.get("inner"));
        assertEquals(3, tokenOf.values().stream().distinct().count(), "each run its own token");
        assertEquals("none", printed.get("static init"));
        assertEquals("none", printed.get("before all"));
        assertEquals("none", printed.get("after all"));
        assertEquals(
                List.of("start " + key, "start the inner ones", "end the inner ones", "end " + key),
                events.stream()
                        .map(e -> e instanceof ForkEvent.SetStarted s
                                ? "start " + s.name()
                                : e instanceof ForkEvent.SetFinished f ? "end " + f.name() : null)
                        .filter(line -> line != null)
                        .toList());
    }

    @Test
    void sendsNoTokenWithATestThatNeverRan() throws IOException {
        List<ForkEvent> events = run("com.acme.DoesNotExist");

        ForkEvent.TestFinished lost = events.stream()
                .filter(ForkEvent.TestFinished.class::isInstance)
                .map(ForkEvent.TestFinished.class::cast)
                .findFirst()
                .orElseThrow();
        assertNull(lost.test());
    }

    private static List<ForkEvent> run(String className) throws IOException {
        return BatchRun.of(List.of(className), 0).events();
    }
}
