package ci.fast.maven.fork;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How a fork runs tests on the module path, as Surefire does. For a project whose main classes hold a
 * {@code module-info.class}: the main module and the modules it requires on the module path, the test classes patched
 * into the main module, the tests' packages opened to the unnamed module (where the JUnit Platform and fast-ci's
 * booter run, on the class path), and the main module reading the unnamed module (where the test libraries the module
 * does not require are). For test classes with a {@code module-info.class} of their own: the whole test class path
 * on the module path, and the JUnit Platform's internals its launcher needs opened to the unnamed module, where the
 * launcher runs with the booter.
 *
 * @param moduleName the main module's name, or the test module's
 * @param modulePath the module path, in class path order
 * @param patch the test classes, patched into the main module; null for a test module
 * @param packages the packages of the test classes that run, opened to the unnamed module; empty for a test module
 */
public record ModuleLayout(String moduleName, List<Path> modulePath, Path patch, SortedSet<String> packages) {
    /** What Surefire's JUnit Platform provider opens for a test module: the launcher's reach into commons. */
    static final List<String> PLATFORM_INTERNALS = List.of(
            "org.junit.platform.commons/org.junit.platform.commons.util=ALL-UNNAMED",
            "org.junit.platform.commons/org.junit.platform.commons.logging=ALL-UNNAMED");

    public ModuleLayout {
        if (moduleName == null || moduleName.isBlank()) {
            throw new IllegalArgumentException("a module layout needs the module's name");
        }
        modulePath = List.copyOf(modulePath);
        packages = Collections.unmodifiableSortedSet(new TreeSet<>(packages));
    }

    /** A test module: the whole test class path on the module path, nothing patched. */
    public static ModuleLayout testModule(String moduleName, List<Path> modulePath) {
        return new ModuleLayout(moduleName, modulePath, null, new TreeSet<>());
    }

    /**
     * The packages of {@code classNames} (binary names), sorted, without the unnamed package, which no named module
     * can hold.
     */
    public static SortedSet<String> packagesOf(List<String> classNames) {
        SortedSet<String> packages = new TreeSet<>();
        for (String name : classNames) {
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                packages.add(name.substring(0, dot));
            }
        }
        return packages;
    }

    /**
     * The JVM options after {@code --module-path}: Surefire's, in its order. {@code ALL-MODULE-PATH} resolves every
     * module on the module path, not only those the main module's descriptor reaches.
     */
    List<String> options() {
        List<String> options = new ArrayList<>();
        if (patch != null) {
            options.add("--patch-module");
            options.add(moduleName + "=" + patch);
            for (String pkg : packages) {
                options.add("--add-opens");
                options.add(moduleName + "/" + pkg + "=ALL-UNNAMED");
            }
            options.add("--add-reads");
            options.add(moduleName + "=ALL-UNNAMED");
        }
        options.add("--add-modules");
        options.add("ALL-MODULE-PATH");
        if (patch == null) {
            for (String internal : PLATFORM_INTERNALS) {
                options.add("--add-opens");
                options.add(internal);
            }
        }
        return options;
    }
}
