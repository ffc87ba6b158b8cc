package ci.fast.maven.server.dashboard;

import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.server.RunId;
import ci.fast.maven.server.RunStore;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Feeds a {@link Board} what a durable store keeps of the runs: every run the store has when the server starts (a
 * restarted server shows the runs it had), and a run again whenever another server process on the store changed it
 * ({@link RunStore#onChange}) or a class of it got its result here without the board seeing it handed out (before a
 * restart, by another replica). A read asks for the results after the last one read, so a run of 20,000 classes is read
 * whole once; the reads of one run come at least {@link #PAUSE} apart, however often it changes, on the scheduler's
 * thread: never on a node's frame's, nor under a run's lock. A store in memory keeps nothing of its own to read.
 */
public final class StoreFeed implements AutoCloseable {
    /** How long after a change its run is read: the changes meanwhile are read with it. */
    static final Duration PAUSE = Duration.ofMillis(300);

    private final RunStore store;
    private final Board board;
    private final Scheduler reads;
    /** The server's log: a read that failed (the database gone a moment). */
    private final Consumer<String> log;
    /** The topics whose read is scheduled and not yet begun. */
    private final Set<String> due = ConcurrentHashMap.newKeySet();
    /** Set by {@link #close}: changes told after it are not read. */
    private volatile boolean closed;

    private StoreFeed(RunStore store, Board board, Scheduler reads, Consumer<String> log) {
        this.store = store;
        this.board = board;
        this.reads = reads;
        this.log = log;
    }

    /**
     * Reads every run {@code store} has onto {@code board} and then follows the store's changes, all on {@code reads},
     * which {@link #close} stops: the server serves its nodes meanwhile, however many runs its store keeps.
     */
    public static StoreFeed start(RunStore store, Board board, Scheduler reads, Consumer<String> log) {
        StoreFeed feed = new StoreFeed(store, board, reads, log);
        // Told of changes before the first reads, so that none made meanwhile is missed: a run read twice costs
        // only its results after the first read's.
        store.onChange(feed::changed);
        board.onUnplaced(feed::changed);
        reads.after(Duration.ZERO, feed::readAll);
        return feed;
    }

    private void readAll() {
        try {
            for (RunId id : store.runs()) {
                if (closed) {
                    return;
                }
                read(id.topic());
            }
        } catch (RuntimeException e) {
            log.accept("fast-ci's dashboard cannot read the runs its store keeps (" + e.getMessage()
                    + "); it shows the runs this server serves");
        }
    }

    /** The run of {@code topic} changed where the board could not see it: it is read after the pause. */
    void changed(String topic) {
        if (closed || !due.add(topic)) {
            return;
        }
        try {
            reads.after(PAUSE, () -> {
                due.remove(topic); // first: a change during the read is read once more
                try {
                    read(topic);
                } catch (RuntimeException e) {
                    log.accept("fast-ci's dashboard cannot read the run " + topic + " from its store (" + e.getMessage()
                            + "); it reads it again at its next change");
                }
            });
        } catch (RejectedExecutionException e) {
            // closed meanwhile: the server is stopping, and the frame of the node that told this must not fail
        }
    }

    private void read(String topic) {
        store.record(topic, board.storedPosition(topic)).ifPresent(board::absorb);
    }

    @Override
    public void close() {
        closed = true;
        reads.close();
    }
}
