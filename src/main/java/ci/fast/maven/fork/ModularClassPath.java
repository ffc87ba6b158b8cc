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
 * Splits the tests' class path into a module path and a class path as Surefire 3.5 does when the main classes are a
 * module ({@code useModulePath}, its default): with plexus-java's {@link LocationManager}, as Surefire does, the main
 * module and every module it requires (transitively, {@code static} ones included, and the providers of the services
 * it uses) go on the module path; the rest stay on the class path. Maven side.
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
     * Whether Surefire would run these tests on the module path with the main module patched: the test classes are no
     * module, the main classes (a directory, or Failsafe's packaged jar) are.
     */
    public static boolean applies(Path mainClasses, Path testClasses) {
        return isModule(mainClasses) && !Files.isRegularFile(testClasses.resolve("module-info.class"));
    }

    private static boolean isModule(Path classes) {
        if (Files.isDirectory(classes)) {
            return Files.isRegularFile(classes.resolve("module-info.class"));
        }
        try (ZipFile jar = new ZipFile(classes.toFile())) {
            return jar.getEntry("module-info.class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param testClassPath the tests' class path, test classes first, as {@code TestClassPath} assembles it
     * @param mainClasses the main classes, with their {@code module-info.class}
     * @param testClasses the test classes, patched into the main module
     * @param testClassNames the classes that run, whose packages are opened to the unnamed module
     * @param problems told of each element that cannot be read as a module or a jar (Surefire warns of each and goes on
     *     with the element on the class path)
     * @throws IOException when the main module's descriptor cannot be read
     */
    public static Split split(
            List<Path> testClassPath,
            Path mainClasses,
            Path testClasses,
            List<String> testClassNames,
            BiConsumer<Path, Exception> problems)
            throws IOException {
        LocationManager locations = new LocationManager();
        JavaModuleDescriptor main =
                locations.resolvePath(ResolvePathRequest.ofPath(mainClasses)).getModuleDescriptor();
        if (main == null) {
            throw new IOException(mainClasses.resolve("module-info.class") + " holds no module descriptor");
        }
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
}
