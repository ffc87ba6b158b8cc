package com.example.suites;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Collection;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/** Parameterized with a name pattern. */
@RunWith(Parameterized.class)
public class NamedSquaresTest {
    private final int input;

    public NamedSquaresTest(int input) {
        this.input = input;
    }

    @Parameterized.Parameters(name = "of {0}")
    public static Collection<Object[]> data() {
        return Arrays.asList(new Object[][] {{2}, {5}});
    }

    @Test
    public void squares() {
        assertEquals(input * input, (int) Math.pow(input, 2));
    }
}
