package com.example.load;

import org.junit.jupiter.api.Test;

/** Cannot be loaded at run time: its superclass is gone. */
class OrphanTest extends MissingBase {
    @Test
    void neverRuns() {}
}
