package com.example.versions;
import static org.junit.Assert.*;
import java.util.*;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
@RunWith(Parameterized.class)
public class SquaresTest {
    @Parameterized.Parameters public static List<Object[]> data() { return Arrays.asList(new Object[][] {{1},{2}}); }
    private final int n; public SquaresTest(int n) { this.n = n; }
    @Test public void squares() { assertTrue(n * n > 0); }
}
