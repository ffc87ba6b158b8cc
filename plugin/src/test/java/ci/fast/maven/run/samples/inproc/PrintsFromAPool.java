package ci.fast.maven.run.samples.inproc;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * InProcessRunTest's class whose output comes from the common pool's threads, which Maven's side may have started
 * before the run: still the test's. Not a test of this project.
 */
class PrintsFromAPool {
    @Test
    void printsFromTheCommonPool() throws Exception {
        ForkJoinPool.commonPool()
                .submit(() -> System.out.println("inproc: out of the common pool"))
                .get();
    }
}
