package com.example.suites;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/** A suite inside {@link NestedSuitesTest}; not a test class of its own (its name matches no include). */
@RunWith(Suite.class)
@Suite.SuiteClasses({GammaChecks.class})
public class InnerSuite {}
