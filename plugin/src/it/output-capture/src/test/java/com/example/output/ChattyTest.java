package com.example.output;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

// Ordered so the unterminated native line is the class's last output: System.out and native stdout share
// file descriptor 1, so text printed after it would rightly continue that line.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChattyTest {
    @Test
    @Order(1)
    void printsToSystemStreams() {
        System.out.println("chatty says hello on System.out");
        System.err.println("chatty complains on System.err");
    }

    @Test
    @Order(2)
    void printsToNativeStdout() {
        // Bypasses System.out: straight to file descriptor 1. Not closed: that would close the fork's stdout.
        PrintStream nativeOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        nativeOut.println("chatty writes straight to file descriptor 1");
        nativeOut.print("chatty ends without a newline");
        nativeOut.flush();
    }
}
