package com.example.nodes;

public final class Parts {
    private Parts() {}

    public static int twice(int n) {
        return 2 * n;
    }
}
