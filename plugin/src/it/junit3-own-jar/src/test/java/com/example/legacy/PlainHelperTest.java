package com.example.legacy;

/** Not a TestCase, queued by its name: Surefire's JUnit 3 provider runs its public test methods as a POJO's. */
public class PlainHelperTest {
    public void setUp() {
        System.out.println("pojo set-up");
    }

    public void testPojo() {}

    public void testPojoFails() {
        throw new AssertionError("pojo assertion");
    }

    public void helper() {}
}
