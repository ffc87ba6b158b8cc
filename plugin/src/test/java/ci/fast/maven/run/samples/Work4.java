package ci.fast.maven.run.samples;

import org.junit.jupiter.api.Test;

/** Work for the forks of ForkFaultsTest; not a test of this project (Surefire's includes skip it). */
class Work4 {
    @Test
    void works() throws Exception {
        Thread.sleep(400); // the work itself: long enough for the network to fail under it
    }
}
