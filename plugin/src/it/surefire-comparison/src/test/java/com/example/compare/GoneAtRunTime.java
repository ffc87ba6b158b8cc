package com.example.compare;

/** Compiled, then deleted from target/test-classes before the tests run (see the antrun execution). */
public class GoneAtRunTime {}
