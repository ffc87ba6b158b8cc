package com.example.versions;
import org.junit.Test;
public class AlphaChecks { @Test public void alpha() {} }
