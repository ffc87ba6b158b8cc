package ci.fast.maven.booter;

/** How often a fork reruns a failed test: Surefire's {@code rerunFailingTestsCount}, passed in the environment. */
public final class Reruns {
    /** The environment variable that carries the count to a fork; absent means no reruns. */
    public static final String ENV = "FAST_CI_RERUN_FAILING_TESTS_COUNT";

    private Reruns() {}

    /** The count this fork was given; the Maven side checked it, so anything unreadable means none. */
    static int count() {
        String value = System.getenv(ENV);
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
