package ci.fast.maven.run;

/** Where a run reports to the user: Maven's log in a build, anything in a test. */
public interface RunLog {
    void info(String line);

    void warn(String line);

    void error(String line);

    void debug(String line);
}
