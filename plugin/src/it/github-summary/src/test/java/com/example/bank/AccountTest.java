package com.example.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccountTest {
    @Test
    void depositsAddToBalance() {
        Account account = new Account();
        account.deposit(100);
        assertEquals(100, account.balance());
    }

    @Test
    void startsAtZero() {
        assertEquals(0, new Account().balance());
    }

    @Test
    void withdrawalsSubtract() {
        Account account = new Account();
        account.deposit(100);
        account.withdraw(30);
        assertEquals(70, account.balance(), "balance after withdrawal");
    }
}
