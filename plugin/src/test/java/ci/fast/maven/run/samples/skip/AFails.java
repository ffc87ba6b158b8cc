package ci.fast.maven.run.samples.skip;

import org.junit.jupiter.api.Test;

/** The first class of SkipAfterFailuresTest's run: one failed test. Not a test of this project. */
class AFails {
    @Test
    void fails() throws Exception {
        Ran.mark("AFails");
        throw new AssertionError("the first failure");
    }

    @Test
    void passes() {}
}
