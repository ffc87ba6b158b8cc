package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory store keeps the {@link RunStoreContract}. */
class MemoryStoreTest extends RunStoreContract {
    @Override
    protected RunStore newStore() {
        return new MemoryStore();
    }

    @Test
    void forgetsTheSharesOfTheLeastRecentlyUsedBuildBeyondItsBound() {
        MemoryStore small = new MemoryStore(2);
        small.shares().handedOut(new CiNode("build-a", "a-1", "test", "m"), List.of("A"));
        small.shares().handedOut(new CiNode("build-b", "b-1", "test", "m"), List.of("B"));
        small.shares().handedOut(new CiNode("build-a", "a-1", "test", "m"), List.of("A2"));
        small.shares().handedOut(new CiNode("build-c", "c-1", "test", "m"), List.of("C"));

        assertTrue(small.shares().earlier("build-b", "test", "b-2").isEmpty(), "b was used least recently");
        assertEquals(
                List.of("A", "A2"),
                small.shares().earlier("build-a", "test", "a-2").orElseThrow().classes());
        assertEquals(
                List.of("C"),
                small.shares().earlier("build-c", "test", "c-2").orElseThrow().classes());
        assertEquals(3, ((MemoryShares) small.shares()).names(), "B's name went with its build");
    }
}
