package com.example.suites;

import org.junit.Test;

/** A member of {@link InnerSuite}. */
public class GammaChecks {
    @Test
    public void one() {}

    @Test
    public void errors() {
        throw new IllegalStateException("gamma is broken");
    }
}
