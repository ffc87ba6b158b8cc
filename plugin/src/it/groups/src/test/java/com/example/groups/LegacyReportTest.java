package com.example.groups;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.junit.experimental.categories.Category;

public class LegacyReportTest {
    @Test
    @Category(Slow.class)
    public void nightlyReport() {
        assertEquals(3, 1 + 2);
    }

    @Test
    @Category(Fast.class)
    public void summary() {
        assertEquals(4, 2 + 2);
    }

    @Test
    public void legacyPlain() {
        assertEquals(0, 0);
    }
}
