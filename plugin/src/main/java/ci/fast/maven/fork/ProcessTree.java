package ci.fast.maven.fork;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ends a fork's process with every process it started. */
final class ProcessTree {
    /** How long a killed JVM may take to be reaped: the kernel ends it at once, so this is only a bound. */
    static final Duration REAP_TIMEOUT = Duration.ofSeconds(10);

    private ProcessTree() {}

    /** Kills {@code process} and its descendants; children first, so that none outlives the fork that started it. */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * Waits, bounded, for the end of a process that ended or was killed.
     *
     * @return its exit code, or -1 if it outlived even that
     */
    static int reap(Process process) throws InterruptedException {
        return process.waitFor(REAP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }
}
