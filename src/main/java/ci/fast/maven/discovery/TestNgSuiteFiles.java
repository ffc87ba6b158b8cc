package ci.fast.maven.discovery;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What TestNG suite files (Surefire's {@code suiteXmlFiles}) name to run: the classes of their enabled {@code <test>}s,
 * a class's {@code <methods><include>}d methods only, the test classes of their {@code <packages>} ({@code pkg.*}
 * with its subpackages), and what their {@code <suite-files>} name, in the files' order. Surefire hands the files to
 * TestNG; fast-ci runs what they name through the JUnit Platform's TestNG engine, so what TestNG reads from a suite
 * file besides (parameters, listeners, groups, parallel, excluded methods) is not applied: {@link #NOT_APPLIED}.
 */
public final class TestNgSuiteFiles {
    /** What the notice names as not applied of a suite file. */
    public static final String NOT_APPLIED =
            "their parameters, listeners, groups, parallel settings and excluded methods are not applied";

    private TestNgSuiteFiles() {}

    /**
     * The selectors the files name: {@code pkg.Class} for a whole class, {@code pkg.Class#method} for an included
     * method, without repeats.
     *
     * @param testClassesDirectory where a {@code <package>}'s classes are looked for
     * @throws IllegalArgumentException with one line naming the file, if one is missing or not a suite file
     */
    public static List<String> selectors(List<File> files, Path testClassesDirectory) {
        Set<String> selectors = new LinkedHashSet<>();
        Set<Path> read = new LinkedHashSet<>();
        for (File file : files) {
            read(file.toPath().toAbsolutePath().normalize(), testClassesDirectory, selectors, read);
        }
        return List.copyOf(selectors);
    }

    private static void read(Path file, Path classes, Set<String> selectors, Set<Path> read) {
        if (!read.add(file)) {
            return; // a suite file named twice, or by itself
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Suite file " + file + " is not a valid file");
        }
        Element suite = parse(file).getDocumentElement();
        for (Element test : children(suite, "test")) {
            if ("false".equalsIgnoreCase(test.getAttribute("enabled"))) {
                continue;
            }
            for (Element list : children(test, "classes")) {
                for (Element type : children(list, "class")) {
                    addClass(type, selectors);
                }
            }
            for (Element list : children(test, "packages")) {
                for (Element pkg : children(list, "package")) {
                    selectors.addAll(packageClasses(pkg.getAttribute("name"), classes));
                }
            }
        }
        for (Element list : children(suite, "suite-files")) {
            for (Element child : children(list, "suite-file")) {
                Path path = file.resolveSibling(child.getAttribute("path")).normalize();
                read(path, classes, selectors, read);
            }
        }
    }

    private static void addClass(Element type, Set<String> selectors) {
        String name = type.getAttribute("name").trim();
        if (name.isEmpty()) {
            return;
        }
        List<String> included = new ArrayList<>();
        for (Element methods : children(type, "methods")) {
            for (Element include : children(methods, "include")) {
                included.add(include.getAttribute("name").trim());
            }
        }
        if (included.isEmpty()) {
            selectors.add(name);
        } else {
            included.forEach(method -> selectors.add(name + "#" + method));
        }
    }

    /** The top-level classes of {@code name} ({@code pkg.*}: and of its subpackages) in the test classes directory. */
    private static List<String> packageClasses(String name, Path classes) {
        boolean deep = name.endsWith(".*");
        String pkg = deep ? name.substring(0, name.length() - 2) : name;
        Path dir = classes.resolve(pkg.replace('.', File.separatorChar));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> found = deep ? Files.walk(dir) : Files.list(dir)) {
            return found.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString())
                    .filter(p -> !p.contains("$"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the classes of package " + name + ": " + e.getMessage(), e);
        }
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A suite file names TestNG's DTD; nothing is fetched for it.
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setValidating(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(file.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("Suite file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }
}
