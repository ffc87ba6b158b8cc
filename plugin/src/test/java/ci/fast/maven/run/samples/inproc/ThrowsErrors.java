package ci.fast.maven.run.samples.inproc;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * InProcessRunTest's class whose tests throw JVM errors, each the test's own error; the OutOfMemoryError last, since
 * JUnit ends the whole execution with it. Not a test of this project.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class ThrowsErrors {
    @Test
    void overflowsItsStack() {
        throw new StackOverflowError("a test's overflow");
    }

    @Test
    void runsOutOfMemory() {
        // A request beyond any heap: the error a test meets, without taking Maven's heap from it.
        long[][] huge = new long[Integer.MAX_VALUE][];
        huge[0] = new long[Integer.MAX_VALUE];
    }

    @Test
    void passesAfterThem() {}
}
