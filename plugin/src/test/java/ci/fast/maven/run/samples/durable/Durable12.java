package ci.fast.maven.run.samples.durable;

import org.junit.jupiter.api.Test;

/** Work for ServerRestartTest's forks; not a test of this project (Surefire's includes skip it). */
class Durable12 {
    @Test
    void works() throws Exception {
        Thread.sleep(150); // the work itself: the server is killed and started again while the forks run it
    }
}
