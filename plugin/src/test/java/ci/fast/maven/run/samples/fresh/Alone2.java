package ci.fast.maven.run.samples.fresh;

import org.junit.jupiter.api.Test;

/** A class of FreshForksTest's run; not a test of this project (Surefire's includes skip it). */
class Alone2 {
    @Test
    void runs() throws Exception {
        Trail.leave("Alone2");
    }
}
