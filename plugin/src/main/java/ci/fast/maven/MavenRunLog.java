package ci.fast.maven;

import ci.fast.maven.run.RunLog;
import java.io.PrintStream;
import org.apache.maven.plugin.logging.Log;

/** A {@link RunLog} onto Maven's log. */
final class MavenRunLog implements RunLog {
    private final Log log;

    MavenRunLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void error(String line) {
        log.error(line);
    }

    @Override
    public void debug(String line) {
        log.debug(line);
    }

    /** Raw on the console, as Surefire prints a fork's test output: no level prefix on the test's own lines. */
    @Override
    public void output(String text, boolean stderr) {
        PrintStream stream = stderr ? System.err : System.out;
        stream.print(text.endsWith("\n") ? text : text + System.lineSeparator());
        stream.flush();
    }
}
