package com.example.forks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Port4IT {
    @BeforeAll
    static void bind() throws Exception {
        ForkPort.bindAndMeetTheOtherFork(Port4IT.class.getSimpleName());
    }

    @Test
    void runsWithItsForksPort() {}
}
