package com.example.ng;

import static org.testng.Assert.fail;

import org.testng.annotations.Test;

/** Tests in groups: suite.xml runs the fast group and leaves the broken one out. */
public class GroupedTest {
    @Test(groups = "fast")
    public void fast() {}

    @Test(groups = "slow")
    public void slow() {
        fail("the slow group ran");
    }

    @Test(groups = {"fast", "broken"})
    public void fastButBroken() {
        fail("the broken group ran");
    }
}
