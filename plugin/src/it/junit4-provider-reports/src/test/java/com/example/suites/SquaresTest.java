package com.example.suites;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Collection;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/** Parameterized: each test named by its index, in the class's own report. */
@RunWith(Parameterized.class)
public class SquaresTest {
    private final int input;
    private final int square;

    public SquaresTest(int input, int square) {
        this.input = input;
        this.square = square;
    }

    @Parameterized.Parameters
    public static Collection<Object[]> data() {
        return Arrays.asList(new Object[][] {{1, 1}, {2, 4}, {3, 10}});
    }

    @Test
    public void squares() {
        assertEquals(square, input * input);
    }

    @Test
    public void isPositive() {
        assertEquals(true, square > 0);
    }
}
