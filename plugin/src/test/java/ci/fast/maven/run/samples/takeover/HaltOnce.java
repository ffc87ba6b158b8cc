package ci.fast.maven.run.samples.takeover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Halts the first JVM that discovers a class named with it: JUnit makes display names while it discovers a batch, so
 * that JVM dies after it received its batch and before it started any class. The marker file (system property
 * {@code takeover.marker}) says it already happened; every later JVM names classes as JUnit's default does.
 */
public final class HaltOnce extends DisplayNameGenerator.Standard {
    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        Path marker = Path.of(System.getProperty("takeover.marker"));
        try {
            Files.createFile(marker);
        } catch (FileAlreadyExistsException e) {
            return super.generateDisplayNameForClass(testClass);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().halt(137);
        return null;
    }
}
