package com.example.ng;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.testng.ITestListener;
import org.testng.ITestResult;

/** suite.xml's listener: writes each test it sees to the file the system property listener.file names. */
public class FileListener implements ITestListener {
    @Override
    public void onTestSuccess(ITestResult result) {
        write(result, "passed");
    }

    @Override
    public void onTestFailure(ITestResult result) {
        write(result, "failed");
    }

    private static synchronized void write(ITestResult result, String status) {
        String file = System.getProperty("listener.file");
        if (file == null) {
            return;
        }
        String line = result.getTestClass().getName() + "#" + result.getMethod().getMethodName() + " " + status + "\n";
        try {
            Path path = Path.of(file);
            Files.createDirectories(path.getParent());
            Files.writeString(
                    path, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
