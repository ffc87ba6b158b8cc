package ci.fast.maven.booter.samples;

import org.testng.annotations.Test;

/** A TestNG class with a static nested TestNG class, as TestNG runs it: both classes' tests, when given the outer. */
public class NgNestedSamples {
    @Test
    public void outer() {}

    public static class Inner {
        @Test
        public void inner() {}
    }
}
