package ci.fast.maven.booter.samples;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Parameters;
import org.testng.annotations.Test;

/** A TestNG test that reads its test's and its class's {@code <parameter>}s: it fails without them. */
public class NgParameterSample {
    @Test
    @Parameters({"greeting", "name"})
    public void greets(String greeting, String name) {
        assertEquals(greeting + " " + name, "hello class");
    }
}
