package com.example.split;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Twice its fair share of the suite on two forks: about 3 s of the suite's 3.2 s. */
class DominantTest {
    @Test
    void alpha() throws Exception {
        work("alpha");
    }

    @Test
    void bravo() throws Exception {
        work("bravo");
    }

    @Test
    void charlie() throws Exception {
        work("charlie");
    }

    @Test
    void delta() throws Exception {
        work("delta");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void echo(int n) throws Exception {
        work("echo");
    }

    private static void work(String method) throws Exception {
        Ran.mark(method);
        Thread.sleep(500); // the work itself
        Ran.awaitSecondJvm();
    }
}
