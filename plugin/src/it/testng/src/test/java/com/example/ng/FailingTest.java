package com.example.ng;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

public class FailingTest {
    @Test
    public void passes() {
        assertEquals(2 * 2, 4);
    }

    @Test
    public void failsOnPurpose() {
        assertEquals(2 * 2, 5, "arithmetic");
    }

    @Test(enabled = false)
    public void disabled() {}
}
