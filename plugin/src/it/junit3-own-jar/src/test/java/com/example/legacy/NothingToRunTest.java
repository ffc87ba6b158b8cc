package com.example.legacy;

/** Not a TestCase and no test method. */
public class NothingToRunTest {
    public void helper() {}
}
