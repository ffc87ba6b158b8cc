package ci.fast.maven.run.samples.inproc;

import org.junit.jupiter.api.Test;

/** InProcessRunTest's class whose output comes from a thread the test starts. Not a test of this project. */
class PrintsFromAThread {
    @Test
    void printsFromItsThread() throws InterruptedException {
        Thread thread = new Thread(() -> System.out.println("inproc: out of a test's thread"));
        thread.start();
        thread.join();
    }
}
