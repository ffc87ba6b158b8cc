package com.example.legacy;

public class SavingsAccountTest extends AbstractAccountTest {
    @Override
    protected int balance() {
        return 10;
    }

    public void testOwn() {}
}
