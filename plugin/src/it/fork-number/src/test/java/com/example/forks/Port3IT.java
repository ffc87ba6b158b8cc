package com.example.forks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Port3IT {
    @BeforeAll
    static void bind() throws Exception {
        ForkPort.bindAndMeetTheOtherFork(Port3IT.class.getSimpleName());
    }

    @Test
    void runsWithItsForksPort() {}
}
