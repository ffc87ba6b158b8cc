package com.example.contexts;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.context.annotation.Configuration;

/** Builds context B: writes the run, the context and this JVM to target/contexts.log. */
@Configuration
public class ConfigB {
    public ConfigB() throws Exception {
        Files.writeString(
                Path.of("target", "contexts.log"),
                System.getProperty("run") + " B " + ManagementFactory.getRuntimeMXBean().getPid() + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
