package com.example.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
    @Test
    void listsProducts() {
        assertEquals(2, List.of("bolt", "nut").size());
    }
}
