package ci.fast.maven.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * One run's durable facts in a {@link RunStore}. Not thread-safe: {@link RunRules} guards it. Keys that were never
 * enqueued are not this interface's concern: the rules check {@link #isEnqueued} first.
 */
public interface StoredRun {
    RunId id();

    /** Takes the next node index: 0, 1, 2, … in the order of the calls. */
    int nextNodeIndex();

    /** Records that {@code token} names node {@code node}: a join offering it is that node again. */
    void nameNode(String token, int node);

    /** The node {@code token} names; -1 when it names none of this run's. */
    int nodeNamed(String token);

    /**
     * Creates the queue, once, empty (the rules fill it in their order): the run's classes are {@code classes}, in the
     * enq's order, each with its estimated seconds (a key of {@code estimates}), enqueued at {@code at} on the rules'
     * clock.
     *
     * @return false, with nothing changed, when the run has a queue already
     */
    boolean enqueue(List<String> classes, Map<String, Double> estimates, long at);

    /** Whether the queue exists. */
    boolean hasQueue();

    /** Every class enqueued, in the enq's order; empty before it. */
    List<String> classes();

    /** Whether {@code key} was enqueued. */
    boolean isEnqueued(String key);

    /** Whether {@code key} waits in the queue now: enqueued, not held by a node, no result. */
    boolean isQueued(String key);

    /** {@code key}'s estimated seconds, fixed at the enq; {@link Timings#NO_HISTORY} for a key never enqueued. */
    double estimate(String key);

    /** When the queue was created, on the rules' clock; 0 before. */
    long enqueuedAt();

    /** Puts {@code key} at the head of the queue, unless it is queued already. */
    void queueFirst(String key);

    /** Puts {@code key} at the tail of the queue, unless it is queued already. */
    void queueLast(String key);

    /** Takes {@code key} out of the queue, if it is in it. */
    void unqueue(String key);

    boolean queueEmpty();

    /** The sum of the queued classes' estimates. */
    double queuedSeconds();

    /**
     * Takes a batch off the head of the queue, by {@link BatchPolicy#fill}: the head class, then each next while the
     * batch stays nearer {@code shareSeconds} with it than without it.
     *
     * @return at least one class, unless the queue is empty
     */
    List<String> take(double shareSeconds);

    /**
     * Takes a batch as {@link #take(double)} does, but of the queue ordered by {@code rank} first (lowest first; equal
     * ranks in queue order): the head class of the lowest rank, then each next in that order while the batch stays
     * nearer {@code shareSeconds} with it than without it.
     *
     * @param rank called once for each queued class, in queue order, before any is taken
     * @return at least one class, unless the queue is empty
     */
    List<String> take(double shareSeconds, ToIntFunction<String> rank);

    /** Records that node {@code node} holds {@code keys}, besides what it held. */
    void hold(int node, List<String> keys);

    /** The classes node {@code node} holds without a result, in the order handed out. */
    List<String> held(int node);

    /** Node {@code node} no longer holds {@code key}. */
    void release(int node, String key);

    /** Node {@code node} holds nothing any more; returns what it held, in the order handed out. */
    List<String> releaseAll(int node);

    /**
     * Records {@code result} if its class has none yet (first result wins); otherwise counts a duplicate.
     *
     * @return whether it was recorded
     */
    boolean addResult(Result result);

    boolean hasResult(String key);

    Optional<Result> result(String key);

    /** How many classes have a result. */
    int resultCount();

    /** The sum of the estimates of the classes with a result. */
    double doneSeconds();

    /** How many results were dropped as second ones. */
    int duplicates();

    /** Adds {@code delta} to how often {@code key} was lost; returns the new count. */
    int addLoss(String key, int delta);

    /** Records that {@code key} was lost twice and so failed. */
    void addLostTwice(String key);

    /** The classes lost twice, in the order they were. */
    List<String> lostTwice();

    /**
     * Keeps {@code report} if its class has no report of that file yet (first report wins, as results do): a node's
     * report of a class it ran, for the run's merged reports; a class may make several files.
     *
     * @return whether it was kept
     */
    boolean addReport(Report report);

    /** The reports kept, in the order they were. */
    List<Report> reports();

    /**
     * The nodes that hold a class without a result, lowest index first: after a restart, the nodes the rules wait for
     * to rejoin.
     */
    List<Integer> holders();

    /**
     * Ends one unit of work of the rules (one command): what it changed goes to the store's disk in one transaction,
     * after the units committed before it, so that nothing a reply tells a node is forgotten by a server that restarts.
     *
     * @return what the caller waits on before it tells anyone what the unit did; {@link Durable#NOW} for a store in
     *     memory
     */
    default Durable commit() {
        return Durable.NOW;
    }

    // What a store shared by several server processes adds (PgStore); a store of one process keeps none of it.

    /**
     * Starts one unit of work of the rules: a store shared by several server processes takes the run's lock (until
     * {@link #commit}) and first reads back what the others changed since this one's last unit.
     *
     * @return whether what the rules know besides the store's facts may be out of date (another process changed the
     *     run, or a process that served some of its nodes died): they rebuild it from {@link #nodes}
     */
    default boolean begin() {
        return false;
    }

    /**
     * Undoes the unit of work under way after the store failed in its middle (a {@link StoreFailure} out of a command):
     * nothing of it is kept, a store shared by several server processes gives the run's lock up (once the units
     * committed before it are written) and its next {@link #begin} reads the run back, so that the rules rebuild what
     * they know from what the store holds. A store of one process keeps what it has.
     */
    default void abort() {}

    /**
     * The run's nodes as every process sharing the store sees them; null for a store of one process, whose rules know
     * their nodes themselves.
     */
    default List<StoredNode> nodes() {
        return null;
    }

    /** Node {@code node} is connected to this process. */
    default void nodeHere(int node) {}

    /** Node {@code node}'s connection to this process closed at {@code at}, on the rules' clock. */
    default void nodeAway(int node, long at) {}

    /** Node {@code node} is no longer one of the run's: it left, or was given up on. */
    default void nodeGone(int node) {}
}
