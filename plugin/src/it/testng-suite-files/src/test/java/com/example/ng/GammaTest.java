package com.example.ng;

import org.testng.annotations.Test;

/** Named by the suite file the first one names. */
public class GammaTest {
    @Test
    public void gamma() {}
}
