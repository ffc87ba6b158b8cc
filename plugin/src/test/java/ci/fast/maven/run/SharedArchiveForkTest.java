package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.fork.SharedArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forks' shared archive in local runs with real forks: the first run trains it and leaves it in the cache, the
 * next maps it (the JDK classes it loads come from it, beyond the JDK's own archive), and a damaged archive costs only
 * itself: the tests run and nothing of CDS shows in the output, on every JDK this machine has.
 */
@Timeout(300)
class SharedArchiveForkTest {
    private static final String CLASS = "ci.fast.maven.run.samples.Work1";
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    @Test
    void theFirstRunMakesTheArchiveAndTheNextMapsIt() throws Exception {
        Path cache = dir.resolve("cds");
        SharedArchive training = plan(JAVA, cache);

        run(JAVA, training, List.of());
        String made = training.complete();

        Path archive = onlyArchive(cache);
        assertTrue(made.contains("made"), made);
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(List.of(archive), files.toList(), "the class lists are gone, and no partial archive is left");
        }

        Path loads = dir.resolve("loads.txt");
        SharedArchive using = plan(JAVA, cache);
        Recording log = run(JAVA, using, List.of("-Xlog:class+load=info:file=" + loads));

        Set<String> jdkArchive =
                new HashSet<>(Files.readAllLines(Path.of(System.getProperty("java.home"), "lib", "classlist")));
        List<String> ours = Files.readAllLines(loads).stream()
                .filter(line -> line.contains("source: shared objects file"))
                .map(line -> line.replaceAll(".*\\] ", "")
                        .replaceAll(" source:.*", "")
                        .replace('.', '/'))
                .filter(name -> !jdkArchive.contains(name))
                .toList();
        assertTrue(ours.size() > 100, "JDK classes mapped from the run's own archive: " + ours.size());
        assertEquals(List.of(), log.noise());
    }

    static List<Path> javas() throws IOException {
        List<Path> javas = new ArrayList<>(List.of(JAVA));
        Path home = JAVA.toRealPath().getParent().getParent();
        try (Stream<Path> siblings = Files.list(home.getParent())) {
            siblings.map(sibling -> sibling.resolve("bin").resolve("java"))
                    .filter(Files::isExecutable)
                    .filter(java -> !realPath(java).equals(realPath(JAVA)))
                    .filter(java ->
                            javas.stream().noneMatch(known -> realPath(known).equals(realPath(java))))
                    .forEach(javas::add);
        }
        return javas;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("javas")
    void aDamagedArchiveCostsOnlyItselfAndShowsNothing(Path java) throws Exception {
        Path cache = dir.resolve("cds");
        Path archive = plan(java, cache).file();
        Files.writeString(archive, "no archive at all: ".repeat(500));
        SharedArchive damaged = plan(java, cache);
        assertEquals(
                List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off"), damaged.jvmOptions());

        Recording log = run(java, damaged, List.of());

        assertEquals(List.of(), log.noise());
    }

    private SharedArchive plan(Path java, Path cache) {
        return SharedArchive.plan(true, java, List.of(), Map.of(), cache, "test");
    }

    private Recording run(Path java, SharedArchive archive, List<String> extra) throws Exception {
        List<Path> classPath = TestJvm.classPath();
        List<String> options = new ArrayList<>(archive.jvmOptions());
        options.addAll(extra);
        ForkOptions forks = new ForkOptions(
                java,
                options,
                classPath,
                classPath,
                dir,
                Map.of(),
                Files.createDirectories(dir.resolve("scratch")),
                Duration.ZERO,
                ForkOptions.DEFAULT_EXIT_TIMEOUT,
                ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                List.of(),
                null);
        Recording log = new Recording();
        RunOutcome outcome = new LocalRun(
                        new RunPlan(List.of(CLASS), 1, forks, true, "junit-cds", dir.resolve("reports"), null, null),
                        log)
                .execute();
        assertEquals(List.of(), outcome.problems());
        assertEquals(1, outcome.summary().testsRun());
        assertEquals(0, outcome.summary().failures() + outcome.summary().errors());
        return log;
    }

    private static Path onlyArchive(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> archives =
                    files.filter(f -> f.toString().endsWith(".jsa")).toList();
            assertEquals(1, archives.size(), archives.toString());
            return archives.get(0);
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    /** Every line the run logs or passes on as output; {@link #noise} those that speak of CDS. */
    private static final class Recording implements RunLog {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void info(String line) {
            lines.add(line);
        }

        @Override
        public void warn(String line) {
            lines.add(line);
        }

        @Override
        public void error(String line) {
            lines.add(line);
        }

        @Override
        public void debug(String line) {}

        @Override
        public void output(String text, boolean stderr) {
            lines.add(text);
        }

        List<String> noise() {
            synchronized (lines) {
                return lines.stream()
                        .filter(line -> line.contains("cds") || line.contains("shared archive"))
                        .toList();
            }
        }
    }
}
