package ci.fast.maven.booter.samples;

import static org.testng.Assert.assertTrue;

import org.testng.annotations.Test;

/** A TestNG test that passes only when {@link NgCountingFactory} created its instance. */
public class NgFactorySample {
    @Test
    public void createdByTheFactory() {
        assertTrue(
                NgCountingFactory.CREATED.contains(NgFactorySample.class), "created by " + NgCountingFactory.CREATED);
    }
}
