package ci.fast.maven.run.samples.inproc;

import org.junit.jupiter.api.Test;

/** InProcessRunTest's class with one failed and one passed test. Not a test of this project. */
class FailsOnce {
    @Test
    void fails() {
        System.out.println("inproc: before the failure");
        throw new AssertionError("the failure");
    }

    @Test
    void passes() {}
}
