package com.example.suites;

import org.junit.Test;

/** A member of {@link NestedSuitesTest}. */
public class DeltaChecks {
    @Test
    public void one() {}

    @Test
    public void two() {}
}
