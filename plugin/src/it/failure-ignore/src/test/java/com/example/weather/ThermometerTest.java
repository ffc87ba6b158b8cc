package com.example.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThermometerTest {
    @Test
    void freezingPointInFahrenheit() {
        assertEquals(32.0, toFahrenheit(0), 0.001);
    }

    @Test
    void boilingPointInFahrenheit() {
        assertEquals(212.0, toFahrenheit(100) + 1, 0.001, "boiling point");
    }

    private static double toFahrenheit(double celsius) {
        return celsius * 9 / 5 + 32;
    }
}
