package com.example.ng;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

public class AlphaTest {
    @Test
    public void adds() {
        assertEquals(1 + 1, 2);
    }

    @Test
    public void failsOnPurpose() {
        assertEquals(1 + 1, 3, "arithmetic");
    }
}
