package com.example.suites;

import org.junit.Test;

/** A member of {@link MembersTest}. */
public class BetaChecks {
    @Test
    public void one() {}

    @Test
    public void two() {}

    @Test
    public void errors() {
        throw new IllegalStateException("beta is broken");
    }
}
