package com.example.ng;

import static org.testng.Assert.fail;

import org.testng.annotations.Test;

/** suite.xml excludes the methods named excluded*. */
public class ExcludingTest {
    @Test
    public void kept() {}

    @Test
    public void excludedOne() {
        fail("an excluded method ran");
    }
}
