package ci.fast.maven.booter.samples;

import org.testng.annotations.Test;

/** TestNG tests, some of which a suite's {@code <exclude>} leaves out. */
public class NgExcludeSample {
    @Test
    public void kept() {}

    @Test
    public void brokenOne() {
        throw new AssertionError("excluded, never runs");
    }

    @Test
    public void brokenTwo() {
        throw new AssertionError("excluded, never runs");
    }
}
