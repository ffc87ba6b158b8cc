package ci.fast.maven.fork;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How a fork runs tests on the module path, as Surefire does for a project whose main classes hold a
 * {@code module-info.class}: the main module and the modules it requires on the module path, the test classes patched
 * into the main module, the tests' packages opened to the unnamed module (where the JUnit Platform and fast-ci's
 * booter run, on the class path), and the main module reading the unnamed module (where the test libraries the module
 * does not require are).
 *
 * @param moduleName the main module's name
 * @param modulePath the module path, in class path order
 * @param patch the test classes, patched into the main module
 * @param packages the packages of the test classes that run, opened to the unnamed module
 */
public record ModuleLayout(String moduleName, List<Path> modulePath, Path patch, SortedSet<String> packages) {
    public ModuleLayout {
        if (moduleName == null || moduleName.isBlank()) {
            throw new IllegalArgumentException("a module layout needs the main module's name");
        }
        modulePath = List.copyOf(modulePath);
        packages = Collections.unmodifiableSortedSet(new TreeSet<>(packages));
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
        options.add("--patch-module");
        options.add(moduleName + "=" + patch);
        for (String pkg : packages) {
            options.add("--add-opens");
            options.add(moduleName + "/" + pkg + "=ALL-UNNAMED");
        }
        options.add("--add-reads");
        options.add(moduleName + "=ALL-UNNAMED");
        options.add("--add-modules");
        options.add("ALL-MODULE-PATH");
        return options;
    }
}
