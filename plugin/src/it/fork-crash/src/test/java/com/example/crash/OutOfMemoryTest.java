package com.example.crash;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutOfMemoryTest {
    @Test
    void exhaustsTheHeap() throws Exception {
        Runs.record(OutOfMemoryTest.class);
        List<long[]> hog = new ArrayList<>();
        while (true) {
            hog.add(new long[1 << 20]);
        }
    }
}
