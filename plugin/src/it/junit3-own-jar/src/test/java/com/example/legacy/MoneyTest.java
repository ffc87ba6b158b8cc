package com.example.legacy;

import junit.framework.TestCase;

public class MoneyTest extends TestCase {
    public void testAdds() {
        System.out.println("adding");
        assertEquals(5, 2 + 3);
    }

    public void testSubtracts() {
        System.err.println("subtracting");
        assertEquals(1, 3 - 2);
    }
}
