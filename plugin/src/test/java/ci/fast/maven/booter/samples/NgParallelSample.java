package ci.fast.maven.booter.samples;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.testng.annotations.Test;

/** Two TestNG tests that pass only when they run at the same time: each waits, bounded, for the other. */
public class NgParallelSample {
    private static final CyclicBarrier BOTH = new CyclicBarrier(2);

    @Test
    public void one() throws Exception {
        BOTH.await(20, TimeUnit.SECONDS);
    }

    @Test
    public void two() throws Exception {
        BOTH.await(20, TimeUnit.SECONDS);
    }
}
