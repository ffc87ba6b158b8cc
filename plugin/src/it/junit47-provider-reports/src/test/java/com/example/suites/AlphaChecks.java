package com.example.suites;

import static org.junit.Assert.assertEquals;

import org.junit.Ignore;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/** A member of {@link MembersTest}; not a test class of its own (its name matches no include). */
public class AlphaChecks {
    @Test
    public void adds() {
        assertEquals(2, 1 + 1);
    }

    @Test
    public void failsAnAssertion() {
        System.out.println("alpha prints");
        assertEquals("sum", 2, 3);
    }

    @Category(Slow.class)
    @Test
    public void slow() {
        throw new AssertionError("excluded by its category");
    }

    @Ignore("not today")
    @Test
    public void ignored() {}
}
