package ci.fast.maven.server;

import java.util.ArrayList;
import java.util.List;

/** What a test opened, closed last first when the test ends (a JUnit {@code @AutoClose} field). */
final class Opened implements AutoCloseable {
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Keeps {@code closeable} to close, and returns it. */
    <T extends AutoCloseable> T add(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        opened.clear();
    }
}
