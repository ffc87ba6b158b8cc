package ci.fast.maven.booter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Start-up timestamps for {@code bench/startup}: with the system property {@value #PROPERTY} naming a file, each
 * {@link #mark} appends {@code <epoch millis> <pid> <step> <cpu millis>} to it, the last the process's CPU time so far
 * (-1 where the OS does not tell), so that a step's CPU shows beside its wall time; without it, a mark does nothing. The Maven side
 * and the forks (given the property in {@code argLine}) write to the same file, so one run's steps line up on one
 * clock.
 */
public final class StartupTrace {
    /** The system property naming the trace file. */
    public static final String PROPERTY = "fastCi.traceStartup";

    private StartupTrace() {}

    /** Appends one step's timestamp when tracing is on; never fails the run. */
    public static void mark(String step) {
        mark(step, System.getProperty(PROPERTY));
    }

    /** @param file the trace file, or null (or empty) for no trace */
    static void mark(String step, String file) {
        if (file == null || file.isEmpty()) {
            return;
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        long cpu = self.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        String line = System.currentTimeMillis() + " " + ProcessHandle.current().pid() + " " + step + " " + cpu + "\n";
        try {
            // One small append per line: the processes writing to the file at once do not interleave within a line.
            Files.writeString(
                    Path.of(file),
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            // A trace is a measurement aid: a file it cannot write must not change the run.
        }
    }
}
