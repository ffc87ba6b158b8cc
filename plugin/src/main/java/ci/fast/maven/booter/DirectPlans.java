package ci.fast.maven.booter;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;

/**
 * What a test plan built without the launcher ({@link JUnit4Tests}, {@link JUnit3Tests}) is made with: no
 * configuration, no output directory. Only the Platform's API, so that either runner may use it.
 */
final class DirectPlans {
    private DirectPlans() {}

    /** The test plan's configuration: none, as the direct runs take only batches that have none. */
    enum NoParameters implements ConfigurationParameters {
        INSTANCE;

        @Override
        public Optional<String> get(String key) {
            return Optional.empty();
        }

        @Override
        public Optional<Boolean> getBoolean(String key) {
            return Optional.empty();
        }

        @Override
        @SuppressWarnings("deprecation")
        public int size() {
            return 0;
        }

        @Override
        public Set<String> keySet() {
            return Set.of();
        }
    }

    /** No listener of a direct run writes files. */
    enum NoOutputDirectory implements OutputDirectoryCreator {
        INSTANCE;

        @Override
        public Path getRootDirectory() {
            throw new UnsupportedOperationException("no output directory in a direct run");
        }

        @Override
        public Path createOutputDirectory(TestDescriptor descriptor) {
            throw new UnsupportedOperationException("no output directory in a direct run");
        }
    }
}
