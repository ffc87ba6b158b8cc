package ci.fast.maven.fork;

import ci.fast.maven.config.VersionNumber;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * What the fork needs of the JUnit Platform beyond the project's own test class path: the launcher at the project's
 * Platform version (as Surefire resolves it), the Vintage engine for a project that has only {@code junit:junit}, and
 * the TestNG engine for a project that has TestNG (as Surefire's TestNG provider would run it).
 */
public final class PlatformArtifacts {
    /** The Platform used when the project brings none (a JUnit 4-only project). */
    static final String DEFAULT_PLATFORM = "1.14.1";

    static final String DEFAULT_VINTAGE = "5.14.1";

    /**
     * The JUnit 4 the forks run a JUnit 3 project with where they cannot run it with its own JUnit 3 (a run with
     * filters or reruns, say): the Vintage engine needs 4.12 or later, and JUnit 4 runs JUnit 3's {@code TestCase}
     * classes and {@code suite()} methods as they are.
     */
    static final String JUNIT_FOR_JUNIT3 = "junit:junit:4.13.2";

    /** The JUnit Platform's TestNG engine; it runs TestNG 6.14.3 and later on Platform 1.7 and later. */
    static final String TESTNG_ENGINE = "1.1.0";

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    public PlatformArtifacts(
            RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.repositories = repositories;
        this.session = session;
    }

    /**
     * What the fork's class path needs beyond the project's.
     *
     * @param added the jars to add, none of which the project has
     * @param replaced {@code groupId:artifactId} of the project's jars that {@code added} replaces on the fork's class
     *     path (an old JUnit the Vintage engine cannot run); empty for most projects
     */
    public record Resolved(List<Path> added, List<String> replaced) {
        public Resolved {
            added = List.copyOf(added);
            replaced = List.copyOf(replaced);
        }
    }

    /**
     * The jars to add to the fork's class path, leaving out any the project already has.
     *
     * @param testArtifacts the project's resolved test-scope artifacts
     * @param ownJUnit3 whether the forks run a JUnit 3 project with its own junit jar ({@link
     *     #surefireRunsJUnit3Provider}): then no Vintage engine and no JUnit 4 come, only the Platform's API the
     *     booter reports through
     * @throws DependencyResolutionException when the launcher cannot be resolved
     */
    public Resolved resolve(Collection<Artifact> testArtifacts, boolean ownJUnit3)
            throws DependencyResolutionException {
        Set<String> present = testArtifacts.stream()
                .map(a -> a.getGroupId() + ":" + a.getArtifactId())
                .collect(Collectors.toCollection(java.util.HashSet::new));
        String platform = version(testArtifacts, "org.junit.platform", "junit-platform-engine");
        List<Dependency> wanted = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        if (platform == null) {
            platform = DEFAULT_PLATFORM;
            if (present.contains("junit:junit") && !ownJUnit3) {
                wanted.add(dependency("org.junit.vintage:junit-vintage-engine:" + DEFAULT_VINTAGE));
            }
        }
        if (!ownJUnit3 && isJUnit3(version(testArtifacts, "junit", "junit"))) {
            wanted.add(dependency(JUNIT_FOR_JUNIT3));
            replaced.add("junit:junit");
            present.remove("junit:junit");
        }
        if (present.contains("org.testng:testng")) {
            // Without its TestNG: the project's own version runs, with none of an older one's dependencies.
            wanted.add(new Dependency(
                    new DefaultArtifact("org.junit.support:testng-engine:" + TESTNG_ENGINE),
                    "runtime",
                    false,
                    List.of(new Exclusion("org.testng", "testng", "*", "*"))));
        }
        wanted.add(dependency("org.junit.platform:junit-platform-launcher:" + platform));
        // Direct, so that it wins over the older Platform engine the TestNG engine depends on.
        wanted.add(dependency("org.junit.platform:junit-platform-engine:" + platform));
        List<Path> jars = new ArrayList<>();
        for (org.eclipse.aether.artifact.Artifact a : resolveAll(wanted)) {
            if (!present.contains(a.getGroupId() + ":" + a.getArtifactId())) {
                jars.add(a.getFile().toPath());
            }
        }
        return new Resolved(jars, replaced);
    }

    /**
     * One dependency of Surefire's {@code additionalClasspathDependencies} and its own dependencies, from the project's
     * repositories, as the Platform's artifacts are resolved: without a root, so that no optional dependency comes.
     *
     * @return the resolved artifacts, the dependency first, each with its file
     * @throws DependencyResolutionException when it or one of its dependencies cannot be resolved
     */
    public List<org.eclipse.aether.artifact.Artifact> resolveWithDependencies(Dependency dependency)
            throws DependencyResolutionException {
        return resolveAll(List.of(dependency));
    }

    private List<org.eclipse.aether.artifact.Artifact> resolveAll(List<Dependency> dependencies)
            throws DependencyResolutionException {
        CollectRequest collect = new CollectRequest(dependencies, List.of(), repositories);
        return system.resolveDependencies(session, new DependencyRequest(collect, null)).getArtifactResults().stream()
                .map(ArtifactResult::getArtifact)
                .toList();
    }

    /**
     * Whether Surefire would run these tests with its JUnit 4 (or JUnit 3) provider, whose reports differ from its
     * JUnit Platform provider's for suites and runners: the project has {@code junit:junit} and neither the JUnit
     * Platform nor TestNG, which Surefire's provider detection takes first.
     *
     * @param testArtifacts the project's resolved test-scope artifacts
     */
    public static boolean surefireRunsJUnit4Provider(Collection<Artifact> testArtifacts) {
        return version(testArtifacts, "junit", "junit") != null
                && version(testArtifacts, "org.junit.platform", "junit-platform-commons") == null
                && version(testArtifacts, "org.junit.platform", "junit-platform-engine") == null
                && version(testArtifacts, "org.testng", "testng") == null;
    }

    /**
     * Whether Surefire would run these tests with its JUnit 3 provider, and the project's own junit jar: its JUnit 4
     * family of providers ({@link #surefireRunsJUnit4Provider}) with a {@code junit:junit} older than 4.0.
     *
     * @param testArtifacts the project's resolved test-scope artifacts
     */
    public static boolean surefireRunsJUnit3Provider(Collection<Artifact> testArtifacts) {
        return surefireRunsJUnit4Provider(testArtifacts)
                && VersionNumber.below(version(testArtifacts, "junit", "junit"), 4, 0);
    }

    /** Whether a {@code junit:junit} version is older than the 4.12 the Vintage engine runs. */
    static boolean isJUnit3(String version) {
        return VersionNumber.below(version, 4, 12);
    }

    private static String version(Collection<Artifact> artifacts, String groupId, String artifactId) {
        return artifacts.stream()
                .filter(a -> groupId.equals(a.getGroupId()) && artifactId.equals(a.getArtifactId()))
                .map(Artifact::getVersion)
                .findFirst()
                .orElse(null);
    }

    private static Dependency dependency(String coordinates) {
        return new Dependency(new DefaultArtifact(coordinates), "runtime");
    }
}
