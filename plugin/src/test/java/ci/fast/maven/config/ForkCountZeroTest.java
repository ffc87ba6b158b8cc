package ci.fast.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Surefire's forkCount=0: one node, in Maven's own JVM; every other count forks. */
class ForkCountZeroTest {
    private static RunSettings.Builder minimal() {
        return RunSettings.builder("test")
                .testClassesDirectory(Path.of("target/test-classes"))
                .workingDirectory(Path.of("."))
                .reports(Path.of("target/surefire-reports"), false, false, true)
                .remote(null, null, true, "junit-shop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", " 0 "})
    void zeroIsOneNodeInMavensJvm(String count) {
        RunSettings.Jvm jvm = minimal().forkCount(count, 2).build().jvm();

        assertTrue(jvm.inProcess());
        assertEquals(1, jvm.forkCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "3", "1C"})
    void anyOtherCountForks(String count) {
        assertFalse(minimal().forkCount(count, 2).build().jvm().inProcess());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1"})
    void aDebuggerKeepsTheNodeWhereItIs(String count) {
        RunSettings.Jvm jvm =
                minimal().forkCount(count, 2).debug("true").build().jvm();

        assertEquals("0".equals(count), jvm.inProcess());
        assertEquals(1, jvm.forkCount());
    }
}
