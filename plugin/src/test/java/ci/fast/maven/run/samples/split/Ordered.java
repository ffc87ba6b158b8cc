package ci.fast.maven.run.samples.split;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A class whose methods run in an order: never split, and its history keeps no method times. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class Ordered {
    @Test
    void first() throws Exception {
        Ran.mark("first");
    }

    @Test
    void second() throws Exception {
        Ran.mark("second");
    }
}
