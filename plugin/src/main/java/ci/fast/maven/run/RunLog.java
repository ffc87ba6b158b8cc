package ci.fast.maven.run;

/** Where a run reports to the user: Maven's log in a build, anything in a test. */
public interface RunLog {
    void info(String line);

    void warn(String line);

    void error(String line);

    void debug(String line);

    /**
     * Text a test printed, passed on as is (no level, no prefix) as Surefire shows test output.
     *
     * @param stderr whether the test printed it to standard error
     */
    default void output(String text, boolean stderr) {
        text.lines().forEach(stderr ? this::warn : this::info);
    }
}
