package com.example.versions;
import org.junit.runner.RunWith;
import org.junit.runners.Suite;
@RunWith(Suite.class)
@Suite.SuiteClasses({AlphaChecks.class, BetaChecks.class})
public class MembersTest {}
