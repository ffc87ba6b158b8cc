package com.example.load;

/** Compiled, then deleted from target/test-classes before the tests run. */
public abstract class MissingBase {}
