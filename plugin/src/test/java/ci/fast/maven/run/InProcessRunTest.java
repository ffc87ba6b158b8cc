package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.booter.TestFilters;
import ci.fast.maven.booter.TestNgSuite;
import ci.fast.maven.booter.TestRunOptions;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.fork.InProcessOptions;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.report.XmlReportWriter;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * forkCount=0: a local run whose one node runs in this JVM, as Surefire's in-process run, with the real embedded
 * orchestrator on loopback. Its classes pass, fail and throw JVM errors as they do in a fork, the system properties
 * are set for the run and restored after it, what the tests print is theirs while what "Maven" logs meanwhile stays
 * on its stream, and System.out is this JVM's own again at the end.
 */
@Isolated("sets system properties and System.out for the whole JVM")
class InProcessRunTest {
    private static final String SAMPLES = "ci.fast.maven.run.samples.inproc.";
    private static final List<String> CLASSES = List.of(
            SAMPLES + "SeesItsProperties",
            SAMPLES + "PrintsFromAThread",
            SAMPLES + "PrintsFromAPool",
            SAMPLES + "FailsOnce",
            SAMPLES + "ThrowsErrors");

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void runsTheClassesInThisJvmSettingAndRestoringItsPropertiesAndStreams() throws Exception {
        Path reports = dir.resolve("in-process");
        Path workingDirectory = Files.createDirectories(dir.resolve("work"));
        System.setProperty("inproc.kept", "before the run");
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        PrintStream out = System.out;
        ByteArrayOutputStream maven = new ByteArrayOutputStream();
        PrintStream mavenStream = new PrintStream(maven, true, StandardCharsets.UTF_8);
        RunOutcome outcome;
        try {
            System.setOut(mavenStream);
            // Maven's log writes to System.out as it finds it at each line, as Maven 3.9's does.
            outcome = new LocalRun(plan(reports, inProcess(workingDirectory)), printingLog()).execute();
            assertSame(mavenStream, System.out, "Maven's System.out is back once the run is done");
        } finally {
            System.setOut(out);
        }

        assertEquals("before the run", System.getProperty("inproc.kept"), "restored after the run");
        // Maven's JVM outlives the node: none of the node's threads may stay behind it (each given a moment to end).
        List<Thread> left = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("fast-ci-") && !before.contains(thread))
                // the embedded server's one scheduler for every run of the JVM, started by the first
                .filter(thread -> !thread.getName().equals("fast-ci-reconnect-grace"))
                .toList();
        for (Thread thread : left) {
            thread.join(10_000);
        }
        assertEquals(
                List.of(),
                left.stream().filter(Thread::isAlive).map(Thread::getName).toList());
        assertNull(System.getProperty("inproc.fork"), "a property the run set is gone after it");
        String console = maven.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(), outcome.problems(), console);
        assertEquals(10, outcome.summary().testsRun(), console);
        assertEquals(1, outcome.summary().failures());
        assertEquals(2, outcome.summary().errors(), "the overflow and the OutOfMemoryError, each its test's error");

        String output = Files.readString(reports.resolve(SAMPLES + "SeesItsProperties-output.txt"));
        assertTrue(output.contains("inproc: out of a test"), output);
        assertTrue(output.contains("inproc: err of a test"), output);
        assertTrue(output.contains("inproc: user.dir=" + workingDirectory.toAbsolutePath()), output);
        assertTrue(output.contains("inproc: surefire.test.class.path=" + dir.resolve("tests")), output);
        assertTrue(output.contains("inproc: loader=null parent=platform system=false"), output);
        assertFalse(output.contains("FastCI"), "none of Maven's log in the tests' output: " + output);
        String thread = Files.readString(reports.resolve(SAMPLES + "PrintsFromAThread-output.txt"));
        assertTrue(thread.contains("inproc: out of a test's thread"), thread);
        String pool = Files.readString(reports.resolve(SAMPLES + "PrintsFromAPool-output.txt"));
        assertTrue(pool.contains("inproc: out of the common pool"), pool);
        assertTrue(console.contains("FastCI local run: 5 test classes in Maven's JVM (forkCount=0)"), console);
        assertFalse(console.contains("inproc:"), "none of the tests' output on Maven's stream: " + console);
    }

    @Test
    @Timeout(180)
    void reportsEveryTestAsAForkDoes() throws Exception {
        Path forked = dir.resolve("forked");
        Path inProcess = dir.resolve("in-process");
        System.setProperty("inproc.kept", "before the run");

        new LocalRun(plan(forked, null), TestJvm.QUIET).execute();
        new LocalRun(plan(inProcess, inProcess(Files.createDirectories(dir.resolve("work")))), TestJvm.QUIET).execute();

        for (String className : CLASSES) {
            String report = "TEST-" + className + ".xml";
            assertEquals(
                    testcases(forked.resolve(report)),
                    testcases(inProcess.resolve(report)),
                    className + ": each test's outcome and message as in a fork");
        }
    }

    @Test
    @Timeout(120)
    void skipsTheClassesAfterTheFirstFailureAsAForkDoes() throws Exception {
        Path ran = Files.createDirectories(dir.resolve("ran"));
        Path reports = dir.resolve("skip");
        List<String> classes = Stream.of("AFails", "BPasses", "CPasses")
                .map(name -> "ci.fast.maven.run.samples.skip." + name)
                .toList();
        TestRunOptions tests = new TestRunOptions(
                TestFilters.NONE, 0, Map.of(), List.of(), List.of(), 1, false, List.of(), TestNgSuite.NONE, false);
        InProcessOptions inProcess =
                InProcessOptions.of(List.of(), TestJvm.classPath(), Map.of("skip.ran", ran.toString()), dir, true);
        RunPlan plan = new RunPlan(
                classes, 1, plan(reports, null).forks(), true, "junit-skip", reports, null, tests, inProcess);

        RunOutcome outcome = new LocalRun(plan, TestJvm.QUIET).execute();

        assertEquals(List.of(), outcome.problems());
        try (Stream<Path> files = Files.list(ran)) {
            assertEquals(
                    List.of("AFails"),
                    files.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals(6, outcome.summary().testsRun(), "Surefire counts the skipped tests as run");
        assertEquals(4, outcome.summary().skipped());
        assertNull(System.getProperty("skip.ran"), "restored after the run");
    }

    @Test
    @Timeout(60)
    void aNodeWhoseBooterCannotLoadEndsTheRunWithItsReasonInsteadOfHanging() throws Exception {
        // No class path at all: the booter's class is not there to load.
        InProcessOptions nothing = InProcessOptions.of(List.of(), List.of(), Map.of(), dir, true);

        RunOutcome outcome = new LocalRun(plan(dir.resolve("none"), nothing), TestJvm.QUIET).execute();

        // As forks that never connect: the node and each of its replacements end with the reason, and the build fails.
        assertEquals(
                1 + Fleet.replacements(1),
                outcome.problems().size(),
                outcome.problems().toString());
        for (String problem : outcome.problems()) {
            assertTrue(
                    problem.contains("the tests failed in Maven's JVM: java.lang.ClassNotFoundException: "
                            + "ci.fast.maven.booter.InProcessBooter"),
                    problem);
        }
    }

    @Test
    @Timeout(120)
    void runsAsANodeOfARemoteRunToo() throws Exception {
        Secret secret = Secret.random();
        Path reports = dir.resolve("remote");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("build_id", "42");
        params.put("run_key", "junit-inproc");
        params.put("commit", "abc1234");
        params.put("branch", "main");
        RunOutcome outcome;
        try (OrchestratorServer server = OrchestratorServer.start(
                "127.0.0.1", 0, secret, Orchestrator.builder().build())) {
            outcome = new RemoteRun(
                            plan(reports, inProcess(Files.createDirectories(dir.resolve("work")))),
                            server.baseUri(),
                            secret,
                            params,
                            Fallback.OFF,
                            new Retry(Map.of(), false, false, "a test"),
                            TestJvm.QUIET)
                    .execute();
        }

        assertEquals(List.of(), outcome.problems());
        assertEquals(10, outcome.summary().testsRun());
        assertEquals(1, outcome.summary().failures());
        for (String className : CLASSES) {
            assertTrue(Files.isRegularFile(reports.resolve("TEST-" + className + ".xml")), className);
        }
    }

    private RunPlan plan(Path reports, InProcessOptions inProcess) throws Exception {
        List<Path> classPath = TestJvm.classPath();
        ForkOptions forks = new ForkOptions(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-Dinproc.kept=during the run", "-Dinproc.fork=1", "-Dbasedir=" + dir),
                classPath,
                classPath,
                dir,
                Map.of(),
                dir.resolve("scratch"),
                Duration.ZERO,
                ForkOptions.DEFAULT_EXIT_TIMEOUT,
                ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                List.of(),
                null);
        ReportOptions redirected = new ReportOptions(
                true,
                false,
                true,
                true,
                XmlReportWriter.SCHEMA_LOCATION,
                null,
                false,
                null,
                null,
                ReportLayout.SUREFIRE,
                true,
                true);
        return new RunPlan(
                CLASSES, 1, forks, true, "junit-inproc", reports, redirected, TestRunOptions.DEFAULTS, inProcess);
    }

    private InProcessOptions inProcess(Path workingDirectory) throws Exception {
        List<Path> classPath = TestJvm.classPath();
        return InProcessOptions.of(
                List.of(dir.resolve("tests")),
                classPath,
                Map.of(
                        "inproc.kept",
                        "during the run",
                        "inproc.fork",
                        "${surefire.forkNumber}",
                        "basedir",
                        dir.toString()),
                workingDirectory,
                true);
    }

    /** Each testcase of a report by name: its outcome element and message, without times. */
    private static Map<String, String> testcases(Path report) throws Exception {
        String xml = Files.readString(report);
        Map<String, String> cases = new TreeMap<>();
        Matcher testcase = Pattern.compile("<testcase name=\"([^\"]*)\"[^>]*?(/>|>(.*?)</testcase>)", Pattern.DOTALL)
                .matcher(xml);
        while (testcase.find()) {
            String body = testcase.group(3) == null ? "" : testcase.group(3);
            Matcher outcome = Pattern.compile("<(failure|error|skipped)( message=\"[^\"]*\")?( type=\"[^\"]*\")?")
                    .matcher(body);
            cases.put(testcase.group(1), outcome.find() ? outcome.group() : "passed");
        }
        assertFalse(cases.isEmpty(), "no testcase in " + xml);
        return cases;
    }

    /** A log that prints each line to System.out as it is when the line comes, as Maven's console logger does. */
    private static RunLog printingLog() {
        return new RunLog() {
            @Override
            public void info(String line) {
                System.out.println("[INFO] " + line);
            }

            @Override
            public void warn(String line) {
                System.out.println("[WARNING] " + line);
            }

            @Override
            public void error(String line) {
                System.out.println("[ERROR] " + line);
            }

            @Override
            public void debug(String line) {}
        };
    }
}
