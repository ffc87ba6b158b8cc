package ci.fast.maven.server;

/** The in-memory store keeps the {@link RunStoreContract}. */
class MemoryStoreTest extends RunStoreContract {
    @Override
    protected RunStore newStore() {
        return new MemoryStore();
    }
}
