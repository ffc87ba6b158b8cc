package ci.fast.maven.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A run's log as lines, for a test to read: info as it is, the other levels prefixed with theirs and a space. */
final class LinesLog implements RunLog {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String line) {
        lines.add(line);
    }

    @Override
    public void warn(String line) {
        lines.add("warn " + line);
    }

    @Override
    public void error(String line) {
        lines.add("error " + line);
    }

    @Override
    public void debug(String line) {
        lines.add("debug " + line);
    }
}
