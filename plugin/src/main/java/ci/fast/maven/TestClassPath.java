package ci.fast.maven;

import ci.fast.maven.config.RunSettings.ClassPathChanges;
import ci.fast.maven.config.SettingsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.maven.artifact.Artifact;

/**
 * The tests' class path as Surefire builds it: the test classes, the main classes, the project's dependencies but those
 * {@code classpathDependencyExcludes} and {@code classpathDependencyScopeExclude} leave out, then
 * {@code additionalClasspathElements}, then {@code additionalClasspathDependencies}. The one place a goal (or the core extension) assembles it.
 */
final class TestClassPath {
    private static final List<String> SCOPES =
            List.of("compile", "runtime", "compile+runtime", "runtime+system", "test");

    private TestClassPath() {}

    /**
     * @param testClasses the compiled test classes
     * @param mainClasses the project's compiled classes, unless the goal's {@code classesDirectory} replaces them
     * @param artifacts the project's resolved dependencies, in resolution order
     * @param addedDependencies the jars of {@code additionalClasspathDependencies}, resolved, for the end
     * @param basedir resolves relative additional elements
     * @throws SettingsException when a scope or an exclude cannot mean anything
     */
    static List<Path> assemble(
            Path testClasses,
            Path mainClasses,
            Collection<Artifact> artifacts,
            ClassPathChanges changes,
            List<Path> addedDependencies,
            Path basedir) {
        String scope = changes.scopeExclude();
        if (scope != null && !SCOPES.contains(scope)) {
            throw new SettingsException("classpathDependencyScopeExclude '" + scope + "' is not a scope: set one of "
                    + String.join(", ", SCOPES));
        }
        List<Path> path = new ArrayList<>();
        path.add(testClasses);
        path.add(changes.classesDirectory() == null ? mainClasses : changes.classesDirectory());
        for (Artifact artifact : artifacts) {
            if (artifact.getFile() != null
                    && artifact.getArtifactHandler().isAddedToClasspath()
                    && !excluded(artifact, changes.dependencyExcludes())
                    && !inScope(artifact, scope)) {
                path.add(artifact.getFile().toPath());
            }
        }
        for (String element : changes.additionalElements()) {
            // Surefire splits an element on commas too: a property holds a list in one string.
            for (String part : element.split(",")) {
                if (!part.isBlank()) {
                    Path p = Path.of(part.strip());
                    path.add(p.isAbsolute() ? p : basedir.resolve(p));
                }
            }
        }
        path.addAll(addedDependencies);
        return path;
    }

    private static boolean excluded(Artifact artifact, List<String> excludes) {
        String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
        for (String exclude : excludes) {
            String e = exclude.strip();
            if (e.equals(key) || e.equals(artifact.getGroupId() + ":*") || e.startsWith(key + ":")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Maven's scope filter, as Surefire applies it: {@code compile} takes compile, provided and system dependencies;
     * {@code runtime} compile and runtime; {@code compile+runtime} all four; {@code runtime+system} compile, runtime
     * and system; {@code test} every scope.
     */
    private static boolean inScope(Artifact artifact, String scope) {
        if (scope == null) {
            return false;
        }
        String s = artifact.getScope() == null ? Artifact.SCOPE_COMPILE : artifact.getScope();
        return switch (scope) {
            case "compile" -> List.of("compile", "provided", "system").contains(s);
            case "runtime" -> List.of("compile", "runtime").contains(s);
            case "compile+runtime" ->
                List.of("compile", "provided", "system", "runtime").contains(s);
            case "runtime+system" -> List.of("compile", "runtime", "system").contains(s);
            default -> true; // test
        };
    }
}
