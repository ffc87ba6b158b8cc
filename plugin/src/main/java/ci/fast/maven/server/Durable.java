package ci.fast.maven.server;

/**
 * A unit of work of the rules on its way to a store's disk: whoever is to tell a node what it did waits for it first,
 * after releasing the rules' lock, so that the next unit of work need not wait for this one's disk write (the store
 * writes every unit that waits by then in one sync).
 */
@FunctionalInterface
public interface Durable {
    /** A unit of work kept as soon as it is done: a store in memory's. */
    Durable NOW = () -> {};

    /**
     * Returns once the unit of work is on the disk.
     *
     * @throws StoreFailure when the store could not keep it: nothing of it may be told to anyone
     */
    void await();
}
