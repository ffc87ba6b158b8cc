package com.example.ng;

import static org.testng.Assert.assertTrue;

import org.testng.annotations.Test;

/** Passes only when the objectFactory the pom names created this instance. */
public class FactoryTest {
    @Test
    public void createdByTheFactory() {
        assertTrue(MarkingFactory.CREATED.contains(FactoryTest.class), "created without MarkingFactory");
    }
}
