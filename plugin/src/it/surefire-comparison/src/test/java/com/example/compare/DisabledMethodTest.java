package com.example.compare;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class DisabledMethodTest {
    @Test
    void runs() {}

    @Disabled("not today")
    @Test
    void off() {}

    @Disabled
    @Test
    void offWithoutReason() {}
}
