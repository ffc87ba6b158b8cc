package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkJvmTest {
    @TempDir
    Path dir;

    private ForkJvm jvm(String java, String argLine, boolean assertions, Properties late, Map<String, String> props) {
        return new ForkJvm(java, argLine, assertions, late, props, Map.of("CI_X", "1"), dir.resolve("work"));
    }

    @Test
    void enablesAssertionsFirstThenArgLineThenSystemProperties() {
        Properties late = new Properties();
        late.setProperty("argLine", "-javaagent:/a b/agent.jar=destfile=x");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("basedir", "/p");
        props.put("with space", "a b");

        List<String> arguments = jvm(null, "@{argLine}\n   -Xmx512m \"-Dq=x y\"", true, late, props)
                .jvmArguments();

        assertEquals(
                List.of(
                        "-ea",
                        "-javaagent:/a",
                        "b/agent.jar=destfile=x",
                        "-Xmx512m",
                        "-Dq=x y",
                        "-Dbasedir=/p",
                        "-Dwith space=a b"),
                arguments);
    }

    @Test
    void leavesAssertionsOffWhenDisabled() {
        assertEquals(
                List.of("-Xmx1g"),
                jvm(null, "-Xmx1g", false, new Properties(), Map.of()).jvmArguments());
    }

    @Test
    void refusesAnArgLineWithAnUnclosedQuote() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> jvm(null, "-Dx=\"open", true, new Properties(), Map.of()).jvmArguments());
        assertTrue(e.getMessage().startsWith("argLine cannot be parsed"), e.getMessage());
    }

    @Test
    void defaultsToTheJavaRunningMaven() {
        assertEquals(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                jvm(null, null, true, new Properties(), Map.of()).java());
    }

    @Test
    void refusesAJvmThatIsNotAnExecutableFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> jvm(
                        dir.resolve("no-java").toString(), null, true, new Properties(), Map.of())
                .java());
        assertTrue(e.getMessage().contains("is not an executable file: set <jvm>"), e.getMessage());
    }

    @Test
    void createsAMissingWorkingDirectory() {
        ForkOptions options = jvm(null, null, true, new Properties(), Map.of())
                .toOptions(List.of(dir), List.of(), dir.resolve("scratch"), Duration.ZERO);

        assertEquals(dir.resolve("work"), options.workingDirectory());
        assertTrue(Files.isDirectory(dir.resolve("work")));
        assertEquals(Map.of("CI_X", "1"), options.environment());
        assertEquals(List.of("-ea"), options.jvmArguments());
    }

    @Test
    void refusesAWorkingDirectoryThatIsAFile() throws Exception {
        Path file = Files.createFile(dir.resolve("work"));
        ForkJvm jvm = new ForkJvm(null, null, true, new Properties(), Map.of(), Map.of(), file);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> jvm.toOptions(List.of(), List.of(), dir, Duration.ZERO));
        assertTrue(e.getMessage().startsWith("workingDirectory " + file + " cannot be created"), e.getMessage());
    }
}
