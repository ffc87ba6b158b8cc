package com.example.suites;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/** A suite of a suite and a class, as guava-testlib's generated suites nest them. */
@RunWith(Suite.class)
@Suite.SuiteClasses({InnerSuite.class, DeltaChecks.class})
public class NestedSuitesTest {}
