package ci.fast.maven.booter.samples;

import org.testng.annotations.Test;

/** TestNG tests in two groups, for a suite that runs one of them. */
public class NgGroupSample {
    @Test(groups = "fast")
    public void fast() {}

    @Test(groups = "slow")
    public void slow() {}
}
