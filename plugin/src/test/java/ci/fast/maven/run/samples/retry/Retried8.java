package ci.fast.maven.run.samples.retry;

import org.junit.jupiter.api.Test;

/** Work for RetriedJobTest's machines; not a test of this project (Surefire's includes skip it). */
class Retried8 {
    @Test
    void runs() throws Exception {
        Thread.sleep(300);
        throw new AssertionError("Retried8 fails in every attempt");
    }
}
