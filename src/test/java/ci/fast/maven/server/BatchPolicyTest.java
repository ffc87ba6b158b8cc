package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPolicyTest {

    @Test
    void shrinksBatchesAsTheQueueDrainsDownToOne() {
        List<Integer> sizes = new ArrayList<>();
        for (int queued = 200; queued > 0; ) {
            int size = BatchPolicy.size(queued, 4);
            sizes.add(size);
            queued -= size;
        }

        for (int i = 1; i < sizes.size(); i++) {
            assertTrue(sizes.get(i) <= sizes.get(i - 1), "grew after shrinking: " + sizes);
        }
        assertTrue(sizes.get(0) >= 10, "the first batch is not large: " + sizes);
        assertEquals(1, sizes.get(sizes.size() - 1));
    }

    @Test
    void givesLargerBatchesWhileMoreWorkRemains() {
        assertTrue(BatchPolicy.size(1_000, 4) > BatchPolicy.size(100, 4));
        assertTrue(BatchPolicy.size(100, 4) > BatchPolicy.size(10, 4));
    }

    @Test
    void givesSmallerBatchesToMoreNodes() {
        assertTrue(BatchPolicy.size(100, 10) < BatchPolicy.size(100, 2));
    }

    @Test
    void isNeverZeroNorMoreThanIsQueued() {
        for (int nodes = 0; nodes <= 40; nodes++) {
            for (int queued = 1; queued <= 300; queued++) {
                int size = BatchPolicy.size(queued, nodes);
                int n = nodes;
                int q = queued;
                assertTrue(size >= 1 && size <= queued, () -> "size(" + q + ", " + n + ") = " + size);
            }
        }
    }

    @Test
    void givesALoneNodeWithALoneClassThatClass() {
        assertEquals(1, BatchPolicy.size(1, 1));
    }
}
