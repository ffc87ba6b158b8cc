package ci.fast.maven.fork;

import java.time.Duration;

/**
 * How a fork ended: a closed set, so that whoever judges a fork handles every end. Only {@link Completed} is no
 * failure; {@link Crashed}, {@link TimedOut} and {@link NeverConnected} are deaths, whose classes the dead fork's
 * accounting reports and whose queue a replacement takes over.
 */
public sealed interface ForkExit {
    /** The one line that says why the fork failed; null for {@link Completed}. */
    String failure();

    /** Whether the JVM ended without saying goodbye, rather than its node ending. */
    default boolean died() {
        return false;
    }

    /** The fork's node ran to its end and said so. */
    record Completed() implements ForkExit {
        @Override
        public String failure() {
            return null;
        }
    }

    /**
     * The fork's node gave up (the server refused it, or could not be reached) and said so.
     *
     * @param reason the one line saying why
     */
    record NodeFailed(String reason) implements ForkExit {
        @Override
        public String failure() {
            return reason;
        }
    }

    /**
     * The JVM ended, or closed its event stream and was killed, without saying goodbye.
     *
     * @param exitCode the process's exit code
     * @param cause the words for it, as {@link ExitCause} gives them
     */
    record Crashed(int exitCode, String cause) implements ForkExit {
        @Override
        public String failure() {
            return cause;
        }

        @Override
        public boolean died() {
            return true;
        }
    }

    /**
     * The fork outlived Surefire's {@code forkedProcessTimeoutInSeconds} and was killed.
     *
     * @param limit the time it was given
     */
    record TimedOut(Duration limit) implements ForkExit {
        @Override
        public String failure() {
            return "the forked JVM timed out after " + limit.toSeconds()
                    + " s (forkedProcessTimeoutInSeconds) and was killed";
        }

        @Override
        public boolean died() {
            return true;
        }
    }

    /**
     * The fork's JVM started but never connected back, and was killed.
     *
     * @param waited how long it was given to connect
     */
    record NeverConnected(Duration waited) implements ForkExit {
        @Override
        public String failure() {
            String within = waited.toMillis() % 1000 == 0 ? waited.toSeconds() + " s" : waited.toMillis() + " ms";
            return "the forked JVM did not connect back within " + within
                    + " and was killed: check argLine and the JVM's output above";
        }

        @Override
        public boolean died() {
            return true;
        }
    }
}
