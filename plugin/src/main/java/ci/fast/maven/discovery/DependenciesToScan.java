package ci.fast.maven.discovery;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.artifact.Artifact;

/**
 * Surefire's {@code dependenciesToScan}: the project's dependencies whose test classes run as if they were the
 * project's own, chosen by patterns {@code groupId:artifactId[:type[:classifier]]}, each part a literal or a
 * {@code *} glob.
 */
public final class DependenciesToScan {
    private DependenciesToScan() {}

    /**
     * @param artifacts the project's resolved dependencies
     * @param patterns null or empty for none
     * @return the files (jars, or class directories of reactor modules) of the matching dependencies, in the
     *     dependencies' order
     * @throws IllegalArgumentException when a pattern has fewer than two or more than four parts
     */
    public static List<Path> select(Collection<Artifact> artifacts, List<String> patterns) {
        List<Path> files = new ArrayList<>();
        if (patterns == null || patterns.isEmpty()) {
            return files;
        }
        List<String[]> parsed = patterns.stream()
                .filter(pattern -> pattern != null && !pattern.isBlank())
                .map(DependenciesToScan::parse)
                .toList();
        for (Artifact artifact : artifacts) {
            File file = artifact.getFile();
            boolean scannable = file != null
                    && file.exists()
                    && (file.isDirectory()
                            || "jar".equals(artifact.getType())
                            || file.getName().endsWith(".jar"));
            if (scannable && parsed.stream().anyMatch(p -> matches(p, artifact))) {
                files.add(file.toPath());
            }
        }
        return files;
    }

    private static String[] parse(String pattern) {
        String[] parts = pattern.trim().split(":", -1);
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("dependenciesToScan entry '" + pattern
                    + "' is not groupId:artifactId[:type[:classifier]]; write it as com.example:core:test-jar:tests");
        }
        return parts;
    }

    private static boolean matches(String[] pattern, Artifact artifact) {
        String[] coordinates = {
            artifact.getGroupId(),
            artifact.getArtifactId(),
            artifact.getType(),
            artifact.getClassifier() == null ? "" : artifact.getClassifier()
        };
        for (int i = 0; i < pattern.length; i++) {
            if (!glob(pattern[i], coordinates[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code *} matches any run of characters; everything else itself. */
    private static boolean glob(String pattern, String value) {
        List<String> literals = new ArrayList<>();
        for (String literal : pattern.split("\\*", -1)) {
            literals.add(Pattern.quote(literal));
        }
        return value != null && value.matches(String.join(".*", literals));
    }
}
