package ci.fast.maven.run.samples.fresh;

import org.junit.jupiter.api.Test;

/** A class whose test kills its JVM, for FreshForksTest; not a test of this project. */
class Halts {
    @Test
    void haltsTheJvm() throws Exception {
        Trail.leave("Halts");
        Runtime.getRuntime().halt(3);
    }
}
