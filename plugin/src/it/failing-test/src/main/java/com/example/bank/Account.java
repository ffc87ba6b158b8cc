package com.example.bank;

public final class Account {
    private int balance;

    public void deposit(int amount) {
        balance += amount;
    }

    /** Deliberately wrong: the IT needs a real failing assertion. */
    public void withdraw(int amount) {
        balance -= amount / 2;
    }

    public int balance() {
        return balance;
    }
}
