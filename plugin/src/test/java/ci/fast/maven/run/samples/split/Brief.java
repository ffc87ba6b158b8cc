package ci.fast.maven.run.samples.split;

import org.junit.jupiter.api.Test;

/** A short class beside the dominant one in SplitClassesTest's suite. */
class Brief {
    @Test
    void quick() throws Exception {
        Ran.mark("quick");
    }
}
