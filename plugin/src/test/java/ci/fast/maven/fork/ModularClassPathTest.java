package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real modules, compiled here, split as Surefire splits them. */
class ModularClassPathTest {
    @TempDir
    Path dir;

    @Test
    void putsTheMainModuleAndWhatItRequiresOnTheModulePathAndTheRestOnTheClassPath() throws Exception {
        Path lib = jar("lib", "module org.acme.lib { exports org.acme.lib; }", "org/acme/lib/Lib.java");
        Path optional = jar("opt", "module org.acme.opt { exports org.acme.opt; }", "org/acme/opt/Opt.java");
        Path unused = jar("unused", "module org.acme.unused { exports org.acme.unused; }", "org/acme/unused/U.java");
        Path plain = jar("plain", null, "org/acme/plain/Plain.java");
        Path classes = compile(
                "classes",
                List.of(lib, optional),
                "module com.acme.shop { requires org.acme.lib; requires static org.acme.opt; }",
                "com/acme/shop/Shop.java");
        Path testClasses = Files.createDirectories(dir.resolve("test-classes"));
        Map<Path, Exception> problems = new LinkedHashMap<>();

        ModularClassPath.Split split = ModularClassPath.split(
                List.of(testClasses, classes, unused, lib, plain, optional),
                classes,
                testClasses,
                List.of("com.acme.shop.ShopTest", "com.acme.shop.web.PageTest"),
                problems::put);

        assertEquals("com.acme.shop", split.layout().moduleName());
        // In class path order; a static requirement too, as Surefire asks plexus-java for those.
        assertEquals(List.of(classes, lib, optional), split.layout().modulePath());
        assertEquals(List.of(testClasses, unused, plain), split.classPath());
        assertEquals(testClasses, split.layout().patch());
        assertEquals(
                List.of("com.acme.shop", "com.acme.shop.web"),
                List.copyOf(split.layout().packages()));
        assertEquals(Map.of(), problems);
    }

    @Test
    void putsTheWholeTestClassPathOnTheModulePathForTestClassesThatAreAModule() throws Exception {
        Path classes = compile(
                "classes", List.of(), "module com.acme.shop { exports com.acme.shop; }", "com/acme/shop/Shop.java");
        Path plain = jar("plain", null, "org/acme/plain/Plain.java");
        Path testClasses = compile(
                "test-classes",
                List.of(classes),
                "module com.acme.shop.test { requires com.acme.shop; }",
                "com/acme/t/T.java");

        ModularClassPath.Split split = ModularClassPath.split(
                List.of(testClasses, classes, plain), classes, testClasses, List.of("com.acme.t.T"), (p, e) -> {});

        assertEquals("com.acme.shop.test", split.layout().moduleName());
        assertEquals(List.of(testClasses, classes, plain), split.layout().modulePath());
        assertEquals(List.of(), split.classPath());
        assertNull(split.layout().patch());
        assertEquals(List.of(), List.copyOf(split.layout().packages()));
    }

    @Test
    void patchesFailsafesPackagedMainModuleAndLeavesClassesThatAreNoModuleOnTheClassPath() throws Exception {
        Path packaged = jar("packaged", "module com.acme.packaged { }", "com/acme/p/P.java");
        Path plainClasses = compile("plain-classes", List.of(), null, "com/acme/shop/Shop.java");
        Path testClasses = Files.createDirectories(dir.resolve("test-classes"));
        BiConsumer<Path, Exception> none = (p, e) -> {};

        ModularClassPath.Split split = ModularClassPath.split(
                List.of(testClasses, packaged), packaged, testClasses, List.of("com.acme.p.PIT"), none);

        assertEquals("com.acme.packaged", split.layout().moduleName());
        assertEquals(List.of(packaged), split.layout().modulePath());
        assertEquals(testClasses, split.layout().patch());
        assertNull(
                ModularClassPath.split(List.of(testClasses, plainClasses), plainClasses, testClasses, List.of(), none));
        assertNull(ModularClassPath.split(List.of(testClasses), dir.resolve("missing"), testClasses, List.of(), none));
    }

    /** Compiles one class, and a module descriptor when given, into {@code name}. */
    private Path compile(String name, List<Path> modulePath, String descriptor, String classFile) throws IOException {
        Path src = dir.resolve("src-" + name);
        List<String> sources = new ArrayList<>();
        if (descriptor != null) {
            sources.add(write(src.resolve("module-info.java"), descriptor).toString());
        }
        String pkg = classFile.substring(0, classFile.lastIndexOf('/')).replace('/', '.');
        String simple = classFile.substring(classFile.lastIndexOf('/') + 1).replace(".java", "");
        sources.add(write(src.resolve(classFile), "package " + pkg + "; public class " + simple + " {}")
                .toString());
        Path out = Files.createDirectories(dir.resolve(name));
        List<String> args = new ArrayList<>(List.of("-d", out.toString()));
        if (!modulePath.isEmpty()) {
            args.add("--module-path");
            args.add(String.join(
                    java.io.File.pathSeparator,
                    modulePath.stream().map(Path::toString).toList()));
        }
        args.addAll(sources);
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        assertEquals(0, exit, "javac " + args);
        return out;
    }

    private Path jar(String name, String descriptor, String classFile) throws IOException {
        Path classes = compile(name + "-classes", List.of(), descriptor, classFile);
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
