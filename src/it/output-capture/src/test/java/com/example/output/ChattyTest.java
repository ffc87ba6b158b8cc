package com.example.output;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ChattyTest {
    @Test
    void printsToSystemStreams() {
        System.out.println("chatty says hello on System.out");
        System.err.println("chatty complains on System.err");
    }

    @Test
    void printsToNativeStdout() {
        // Bypasses System.out: straight to file descriptor 1. Not closed: that would close the fork's stdout.
        PrintStream nativeOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        nativeOut.println("chatty writes straight to file descriptor 1");
        nativeOut.print("chatty ends without a newline");
        nativeOut.flush();
    }
}
