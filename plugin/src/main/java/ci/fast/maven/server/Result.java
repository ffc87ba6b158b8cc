package ci.fast.maven.server;

import java.util.List;

/**
 * A class's result as the server keeps it: what a node reported of it (PROTOCOL.md section 3, step 4), without the
 * JSON it came in, so that listeners and stores read it without parsing.
 *
 * @param key the class
 * @param status the class's {@code file_status} ({@code passed}, {@code failed}, {@code pending}), as sent
 * @param seconds the sum of its tests' run times: the class's duration as the node measured it
 * @param tests its per-test entries, in the order sent
 * @param lost whether no node reported it: the server recorded it failed because the nodes running it were lost
 * @param context the per-JVM cache the class used, such as its Spring context, as our nodes name it
 *     (docs/server-protocol.md); empty for none or not said
 */
public record Result(String key, String status, double seconds, List<Test> tests, boolean lost, String context) {
    /** The reason a class recorded as lost fails with (PROTOCOL.md section 5). */
    public static final String LOST_REASON = "the node running it was lost";

    public Result {
        tests = List.copyOf(tests);
        context = context == null ? "" : context;
    }

    /** A result without a context. */
    public Result(String key, String status, double seconds, List<Test> tests, boolean lost) {
        this(key, status, seconds, tests, lost, "");
    }

    /** A result a node sent. */
    public static Result of(String key, String status, List<Test> tests) {
        return new Result(key, status, tests.stream().mapToDouble(Test::seconds).sum(), tests, false);
    }

    /** The result the server records for a class lost twice: failed, and of no duration worth keeping. */
    public static Result lostTwice(String key) {
        return new Result(key, "failed", 0, List.of(new Test(key, "failed", 0, LOST_REASON)), true);
    }

    /**
     * One test of a class's result.
     *
     * @param name the per-test entry's name, such as {@code adds()}
     * @param status {@code passed}, {@code failed} or {@code pending}, as sent
     * @param seconds its {@code run_time}; 0 when it sent none
     * @param message its {@code fully_formatted} text; null when it sent none
     * @param flaky whether it failed at first and passed on a rerun (our nodes' {@code flaky}, docs/server-protocol.md)
     */
    public record Test(String name, String status, double seconds, String message, boolean flaky) {
        /** A test that was not flaky, or whose node did not say. */
        public Test(String name, String status, double seconds, String message) {
            this(name, status, seconds, message, false);
        }
    }
}
