package com.example.suites;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/** A suite of two classes: Surefire's JUnit 4 provider counts their tests in this class's report. */
@RunWith(Suite.class)
@Suite.SuiteClasses({AlphaChecks.class, BetaChecks.class})
public class MembersTest {}
