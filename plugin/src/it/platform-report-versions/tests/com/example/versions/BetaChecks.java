package com.example.versions;
import org.junit.Test;
public class BetaChecks { @Test public void beta() {} @Test public void beta2() {} }
