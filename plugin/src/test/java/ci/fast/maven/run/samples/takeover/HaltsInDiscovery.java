package ci.fast.maven.run.samples.takeover;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/** Work for TakeOverTest; the first JVM to discover it dies (see {@link HaltOnce}). Not a test of this project. */
@DisplayNameGeneration(HaltOnce.class)
class HaltsInDiscovery {
    @Test
    void runsInTheReplacement() {}
}
