package ci.fast.maven.server.dashboard;

import ci.fast.maven.server.Result;
import ci.fast.maven.server.RunId;
import ci.fast.maven.server.RunListener;
import ci.fast.maven.server.RunProgress;
import ci.fast.maven.server.RunRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the dashboard shows: every run the server serves, followed as a {@link RunListener}, and the last
 * {@code keepFinished} finished ones, kept after the server forgot them. Each change raises a version, which a page
 * waits on to show the change as it happens. In memory, and on a durable store also what the store keeps
 * ({@link #absorb}, fed by {@link StoreFeed}): the runs a restarted server had, and what other replicas' nodes did.
 */
public final class Board implements RunListener {
    private final Clock clock;
    private final int keepFinished;
    /** By topic, oldest first. Guarded by {@code this}. */
    private final Map<String, BoardRun> runs = new LinkedHashMap<>();
    /** Guarded by {@code this}. */
    private long version;
    /** Pages waiting for a version after theirs. Guarded by {@code this}. */
    private final List<CompletableFuture<Long>> waiting = new ArrayList<>();
    /** Told the topic of a class that got its result here without the board knowing its node; set once, or never. */
    private volatile Consumer<String> unplaced = topic -> {};

    /**
     * @param clock stamps joins, batches and results
     * @param keepFinished how many finished runs stay on the board, at least 1
     */
    public Board(Clock clock, int keepFinished) {
        if (keepFinished < 1) {
            throw new IllegalArgumentException("the board keeps at least 1 finished run, was " + keepFinished);
        }
        this.clock = clock;
        this.keepFinished = keepFinished;
    }

    /** The runs, newest first: by their start, then by when the board first saw them. */
    public synchronized List<RunView> runs() {
        Instant now = clock.instant();
        List<RunView> views = new ArrayList<>(runs.size());
        runs.values().forEach(run -> views.add(0, run.view(now)));
        views.sort(Comparator.comparing(RunView::started).reversed());
        return views;
    }

    /**
     * Adds what the store keeps of a run that this board did not see happen ({@link BoardRun#absorb}): a run that
     * is not on it yet (a restart, another replica's) goes on it.
     */
    public void absorb(RunRecord record) {
        List<CompletableFuture<Long>> woken;
        long now;
        synchronized (this) {
            Instant at = clock.instant();
            BoardRun run = runs.get(record.id().topic());
            boolean added = run == null || run.forgotten();
            if (added) {
                runs.remove(record.id().topic());
                Instant started = record.enqueuedMillis() > 0 ? Instant.ofEpochMilli(record.enqueuedMillis()) : at;
                run = new BoardRun(record.id(), started);
                runs.put(record.id().topic(), run);
            }
            if (!run.absorb(record, at) && !added) {
                return; // read again with nothing new: the pages waiting for a change keep waiting
            }
            trim();
            now = ++version;
            woken = takeWaiting();
        }
        woken.forEach(complete(now));
    }

    /** The store position the board has read the run of {@code topic} to: 0 when it has read none of it. */
    public synchronized long storedPosition(String topic) {
        BoardRun run = runs.get(topic);
        return run == null || run.forgotten() ? 0 : run.storedPosition();
    }

    /** Tells {@code topic} of each class that got its result without the board seeing its node handed it. */
    void onUnplaced(Consumer<String> topic) {
        this.unplaced = topic;
    }

    /** The run of {@code topic}, if the board has it. */
    public synchronized Optional<RunView> run(String topic) {
        BoardRun run = runs.get(topic);
        return run == null ? Optional.empty() : Optional.of(run.view(clock.instant()));
    }

    public synchronized long version() {
        return version;
    }

    /** Completes with the version once it is past {@code seen}: at once if it already is. Never fails. */
    public synchronized CompletableFuture<Long> changedAfter(long seen) {
        if (version > seen) {
            return CompletableFuture.completedFuture(version);
        }
        CompletableFuture<Long> change = new CompletableFuture<>();
        waiting.add(change);
        notifyAll();
        return change;
    }

    /** Whether a page waits for a change within {@code timeout}: for tests, which must know a page is open. */
    synchronized boolean awaitWaiting(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiting.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Forgets a wait that timed out, so that a page that went away leaves nothing behind. */
    public synchronized void cancel(CompletableFuture<Long> change) {
        waiting.remove(change);
    }

    @Override
    public void nodeJoined(RunId run, int node, String from) {
        change(run, (r, now) -> r.joined(node, from, now));
    }

    @Override
    public void nodeRejoined(RunId run, int node, String from) {
        change(run, (r, now) -> r.rejoined(node, from, now));
    }

    @Override
    public void nodeAway(RunId run, int node, List<String> held) {
        change(run, (r, now) -> r.away(node));
    }

    @Override
    public void batchHandedOut(RunId run, int node, List<String> keys) {
        change(run, (r, now) -> r.handedOut(node, keys, now));
    }

    @Override
    public void classCompleted(RunId run, Result result) {
        boolean[] unknown = {false};
        change(run, (r, now) -> {
            r.completed(result, now);
            unknown[0] = r.unplaced(result.key());
        });
        if (unknown[0]) {
            unplaced.accept(run.topic()); // handed out before a restart, or by another replica: the store knows
        }
    }

    @Override
    public void duplicateDropped(RunId run, String key) {
        change(run, (r, now) -> r.duplicate());
    }

    @Override
    public void nodeLost(RunId run, int node, List<String> requeued) {
        change(run, (r, now) -> r.lost(node, requeued));
    }

    @Override
    public void runProgressed(RunId run, RunProgress progress) {
        change(run, (r, now) -> r.progressed(progress));
    }

    @Override
    public void runFinished(RunId run, RunProgress progress) {
        change(run, (r, now) -> r.finished(progress, now));
    }

    @Override
    public void runEvicted(RunId run) {
        List<CompletableFuture<Long>> woken;
        long now;
        synchronized (this) {
            BoardRun known = runs.get(run.topic());
            if (known == null || known.forgotten()) {
                return; // trimmed off the board already
            }
            known.forget();
            now = ++version;
            woken = takeWaiting();
        }
        woken.forEach(complete(now));
    }

    private interface Change {
        void apply(BoardRun run, Instant now);
    }

    private void change(RunId id, Change change) {
        List<CompletableFuture<Long>> woken;
        long now;
        synchronized (this) {
            Instant at = clock.instant();
            BoardRun run = runs.get(id.topic());
            if (run == null || run.forgotten()) {
                // A join to a forgotten topic is a new run: it replaces the old one's record, and goes last.
                runs.remove(id.topic());
                run = new BoardRun(id, at);
                runs.put(id.topic(), run);
            }
            change.apply(run, at);
            trim();
            now = ++version;
            woken = takeWaiting();
        }
        // Outside the lock: a page's continuation writes its answer on this thread.
        woken.forEach(complete(now));
    }

    private List<CompletableFuture<Long>> takeWaiting() {
        List<CompletableFuture<Long>> woken = List.copyOf(waiting);
        waiting.clear();
        return woken;
    }

    private static Consumer<CompletableFuture<Long>> complete(long version) {
        return future -> future.complete(version);
    }

    /** Drops the finished runs that started first, but the last {@code keepFinished}. */
    private void trim() {
        long finished = runs.values().stream().filter(BoardRun::finished).count();
        while (finished > keepFinished) {
            runs.values().stream()
                    .filter(BoardRun::finished)
                    .min(Comparator.comparing(BoardRun::started))
                    .ifPresent(oldest -> runs.remove(oldest.id().topic()));
            finished--;
        }
    }
}
