package com.example.legacy;

/** Neither a TestCase nor a POJO test (no public no-argument constructor): not run. */
public class NoPublicConstructorTest {
    private NoPublicConstructorTest() {}

    public void testNotRun() {}
}
