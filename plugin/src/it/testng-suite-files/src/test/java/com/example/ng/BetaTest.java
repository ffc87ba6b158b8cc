package com.example.ng;

import org.testng.annotations.Test;

/** The suite file includes only {@code one}. */
public class BetaTest {
    @Test
    public void one() {}

    @Test
    public void two() {}
}
