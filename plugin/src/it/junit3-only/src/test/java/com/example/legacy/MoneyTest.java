package com.example.legacy;

import junit.framework.TestCase;

public class MoneyTest extends TestCase {
    public void testAdds() {
        assertEquals(5, 2 + 3);
    }

    public void testSubtracts() {
        assertEquals(1, 3 - 2);
    }
}
