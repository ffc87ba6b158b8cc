package ci.fast.maven.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.ZipFile;
import org.codehaus.plexus.languages.java.jpms.JavaModuleDescriptor;
import org.codehaus.plexus.languages.java.jpms.LocationManager;
import org.codehaus.plexus.languages.java.jpms.ResolvePathRequest;
import org.codehaus.plexus.languages.java.jpms.ResolvePathsRequest;
import org.codehaus.plexus.languages.java.jpms.ResolvePathsResult;

/**
 * Splits the tests' class path into a module path and a class path as Surefire 3.5 does ({@code useModulePath}, its
 * default). Test classes with a {@code module-info.class} of their own put the whole test class path on the module
 * path. Otherwise, when the main classes are a module, plexus-java's {@link LocationManager}, as Surefire uses it,
 * picks the main module and every module it requires (transitively, {@code static} ones included, and the providers
 * of the services it uses) for the module path; the rest stay on the class path. Maven side.
 */
public final class ModularClassPath {
    /**
     * The tests' path, split.
     *
     * @param layout the module path and its options
     * @param classPath the elements of the tests' class path that are not on the module path, in their order
     */
    public record Split(ModuleLayout layout, List<Path> classPath) {
        public Split {
            classPath = List.copyOf(classPath);
        }
    }

    private ModularClassPath() {}

    /**
     * @param testClassPath the tests' class path, test classes first, as {@code TestClassPath} assembles it
     * @param mainClasses the main classes: a directory, or Failsafe's packaged jar
     * @param testClasses the test classes
     * @param testClassNames the classes that run, whose packages are opened to the unnamed module
     * @param problems told of each element that cannot be read as a module or a jar (Surefire warns of each and goes on
     *     with the element on the class path)
     * @return the split, or null when neither the test classes nor the main classes are a module
     * @throws IOException when a module descriptor cannot be read
     */
    public static Split split(
            List<Path> testClassPath,
            Path mainClasses,
            Path testClasses,
            List<String> testClassNames,
            BiConsumer<Path, Exception> problems)
            throws IOException {
        LocationManager locations = new LocationManager();
        if (isModule(testClasses)) {
            // Surefire looks at the test classes first: a test module takes everything onto the module path.
            return new Split(
                    ModuleLayout.testModule(descriptor(locations, testClasses).name(), testClassPath), List.of());
        }
        if (!isModule(mainClasses)) {
            return null;
        }
        JavaModuleDescriptor main = descriptor(locations, mainClasses);
        ResolvePathsResult<Path> result = locations.resolvePaths(ResolvePathsRequest.ofPaths(testClassPath)
                .setModuleDescriptor(main)
                .setIncludeAllProviders(true)
                .setIncludeStatic(true));
        for (Map.Entry<Path, Exception> problem : result.getPathExceptions().entrySet()) {
            problems.accept(problem.getKey(), problem.getValue());
        }
        List<Path> modulePath = new ArrayList<>(result.getModulepathElements().keySet());
        // A duplicate of a module already on the module path is reported above, and kept off both paths, as Surefire
        // keeps it.
        List<Path> classPath = new ArrayList<>(result.getClasspathElements());
        return new Split(
                new ModuleLayout(main.name(), modulePath, testClasses, ModuleLayout.packagesOf(testClassNames)),
                classPath);
    }

    private static JavaModuleDescriptor descriptor(LocationManager locations, Path classes) throws IOException {
        JavaModuleDescriptor descriptor =
                locations.resolvePath(ResolvePathRequest.ofPath(classes)).getModuleDescriptor();
        if (descriptor == null) {
            throw new IOException(classes + " holds no readable module descriptor");
        }
        return descriptor;
    }

    private static boolean isModule(Path classes) {
        if (Files.isDirectory(classes)) {
            return Files.isRegularFile(classes.resolve("module-info.class"));
        }
        if (!Files.isRegularFile(classes)) {
            return false;
        }
        try (ZipFile jar = new ZipFile(classes.toFile())) {
            return jar.getEntry("module-info.class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
