package ci.fast.maven.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Copies a {@link SqlStore}'s write-ahead log into its database file (a passive checkpoint, which syncs the log, then
 * that file) on a thread and a connection of their own, after {@value #COMMITS} commits or a second after the first
 * commit since the last one, whichever comes first, so that the log stays short (each commit syncs the log itself,
 * {@code synchronous=FULL}: what it acknowledged is on the disk already). Done by the commit that fills the log, as
 * SQLite does by default, the copy and the file's sync would be paid by the nodes waiting for that group of units of
 * work.
 * Passive: it never blocks the writer, which goes on adding to the log meanwhile. Thread-safe.
 */
final class SqlCheckpoints implements AutoCloseable {
    /** Commits between two checkpoints: a few hundred pages of log at most, under load a few a second. */
    static final int COMMITS = 50;
    /** The longest a commit waits for the sync of a checkpoint. */
    static final long WITHIN_NANOS = 1_000_000_000L;
    /**
     * The log's size (4 KiB pages) at which the writer checkpoints itself: only if this thread falls far behind, or the
     * writer never leaves the log wholly copied at the start of a transaction (then SQLite cannot start it over).
     */
    static final int BACKSTOP_PAGES = 20_000;

    private final Connection connection;
    private final Path file;
    private final Thread thread;
    /** Commits since the last checkpoint; guarded by this. */
    private int commits;
    /** When the first of them was ({@link System#nanoTime}); guarded by this. */
    private long firstCommit;
    /** Guarded by this. */
    private boolean closed;

    SqlCheckpoints(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
        this.thread = new Thread(this::run, "fast-ci-store-checkpoints");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The writer committed a group: counts towards the next checkpoint. */
    synchronized void committed() {
        if (++commits == 1) {
            firstCommit = System.nanoTime();
            notifyAll(); // the thread now waits a second at most
        } else if (commits == COMMITS) {
            notifyAll();
        }
    }

    /** Stops the thread (a checkpoint under way ends first) and closes its connection. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreFailure("fast-ci cannot close the store " + file + ": " + e.getMessage(), e);
        }
    }

    private void run() {
        while (true) {
            synchronized (this) {
                // Timed by the system's clock, not an injected one: housekeeping no rule or test waits on.
                long left;
                while (!closed
                        && commits < COMMITS
                        && (left = commits == 0 ? 0 : firstCommit + WITHIN_NANOS - System.nanoTime()) >= 0) {
                    try {
                        if (commits == 0) {
                            wait();
                        } else {
                            TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, left));
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return; // closing the last connection checkpoints the whole log
                }
                commits = 0;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (SQLException e) {
                // The next one, or the writer's backstop, copies what this one did not; nothing is lost.
            }
        }
    }
}
