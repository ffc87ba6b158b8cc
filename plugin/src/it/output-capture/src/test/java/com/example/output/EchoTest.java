package com.example.output;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class EchoTest {
    @Test
    void echoes() {
        System.out.println("echo repeats on System.out");
        System.out.println("echo escapes <xml> & \"quotes\" ]]>");
        System.err.println("echo repeats on System.err");
        PrintStream nativeOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        nativeOut.println("echo writes to file descriptor 1");
    }
}
