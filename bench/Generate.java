import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic Maven project for bench/run.
 *
 * <p>{@code java bench/Generate.java <dir> sleepy <classes> <totalSeconds> <seed>}: classes whose one test sleeps a
 * log-normal duration (heavy tail), scaled so that they sum to the total; sleep-based, so that forks on one machine do
 * not compete for CPU. Also writes durations.tsv (class, seconds).
 *
 * <p>{@code java bench/Generate.java <dir> empty <classes>}: classes whose one test does nothing.
 *
 * <p>{@code java bench/Generate.java <dir> split <classes> <totalSeconds> <seed> <forks>}: the sleepy suite, but its first
 * class holds twice its fair share (the total over the forks) in 20 methods of equal length, and the other classes
 * share the rest. Also writes units.tsv (method or class, seconds): the units a run split by method hands out.
 */
public class Generate {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String kind = args[1];
        int classes = Integer.parseInt(args[2]);
        double[] seconds = new double[classes];
        boolean split = kind.equals("split");
        if (split) {
            double total = Double.parseDouble(args[3]);
            Random random = new Random(Long.parseLong(args[4]));
            double dominant = 2 * total / Integer.parseInt(args[5]);
            double sum = 0;
            for (int i = 1; i < classes; i++) {
                seconds[i] = Math.exp(random.nextGaussian() * 0.5);
                sum += seconds[i];
            }
            for (int i = 1; i < classes; i++) {
                seconds[i] = seconds[i] * (total - dominant) / sum;
            }
            seconds[0] = dominant;
        } else if (kind.equals("sleepy")) {
            double total = Double.parseDouble(args[3]);
            Random random = new Random(Long.parseLong(args[4]));
            double sum = 0;
            for (int i = 0; i < classes; i++) {
                seconds[i] = Math.exp(random.nextGaussian() * 1.0);
                sum += seconds[i];
            }
            for (int i = 0; i < classes; i++) {
                seconds[i] = seconds[i] * total / sum;
            }
        } else if (!kind.equals("empty")) {
            throw new IllegalArgumentException("kind is sleepy, empty or split, not " + kind);
        }
        Path sources = dir.resolve("src/test/java/com/bench");
        Files.createDirectories(sources);
        StringBuilder durations = new StringBuilder();
        StringBuilder units = new StringBuilder();
        for (int i = 0; i < classes; i++) {
            String name = String.format(Locale.ROOT, "C%04dTest", i);
            long millis = Math.round(seconds[i] * 1000);
            if (split && i == 0) {
                long each = Math.round(seconds[i] * 1000 / DOMINANT_METHODS);
                StringBuilder methods = new StringBuilder();
                for (int m = 0; m < DOMINANT_METHODS; m++) {
                    methods.append("    @Test\n    void m").append(m).append("() throws Exception {\n        Thread.sleep(")
                            .append(each).append("L);\n    }\n\n");
                    units.append("com.bench.").append(name).append("#m").append(m).append('\t').append(each / 1000.0)
                            .append('\n');
                }
                Files.writeString(
                        sources.resolve(name + ".java"),
                        "package com.bench;\n\nimport org.junit.jupiter.api.Test;\n\nclass " + name + " {\n"
                                + methods.toString().stripTrailing() + "\n}\n",
                        StandardCharsets.UTF_8);
                durations.append("com.bench.").append(name).append('\t').append(each * DOMINANT_METHODS / 1000.0)
                        .append('\n');
                continue;
            }
            units.append("com.bench.").append(name).append('\t').append(millis / 1000.0).append('\n');
            String body = millis > 0 ? "Thread.sleep(" + millis + "L);" : "// nothing: dispatch overhead alone";
            Files.writeString(
                    sources.resolve(name + ".java"),
                    "package com.bench;\n\nimport org.junit.jupiter.api.Test;\n\nclass " + name + " {\n"
                            + "    @Test\n    void runs() throws Exception {\n        " + body + "\n    }\n}\n",
                    StandardCharsets.UTF_8);
            durations.append("com.bench.").append(name).append('\t').append(millis / 1000.0).append('\n');
        }
        Files.writeString(dir.resolve("durations.tsv"), durations, StandardCharsets.UTF_8);
        if (split) {
            Files.writeString(dir.resolve("units.tsv"), units, StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("pom.xml"), POM.replace("NAME", dir.getFileName().toString()), StandardCharsets.UTF_8);
    }

    /** The methods of a split suite's dominant class. */
    private static final int DOMINANT_METHODS = 20;

    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>bench</groupId>
              <artifactId>NAME</artifactId>
              <version>1.0</version>
              <properties>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <dependencies>
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <version>5.14.1</version>
                  <scope>test</scope>
                </dependency>
              </dependencies>
              <build>
                <pluginManagement>
                  <plugins>
                    <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                    <plugin>
                      <artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version>
                      <configuration><release>17</release></configuration>
                    </plugin>
                    <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
                  </plugins>
                </pluginManagement>
              </build>
            </project>
            """;
}
