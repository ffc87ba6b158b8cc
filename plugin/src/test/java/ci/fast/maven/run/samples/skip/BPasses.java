package ci.fast.maven.run.samples.skip;

import org.junit.jupiter.api.Test;

/** A class of SkipAfterFailuresTest's run that passes, if it runs. Not a test of this project. */
class BPasses {
    @Test
    void one() throws Exception {
        Ran.mark("BPasses");
    }

    @Test
    void two() {}
}
