package ci.fast.maven.discovery;

import ci.fast.maven.booter.TestNgSuite;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * TestNG; fast-ci runs what they name through the JUnit Platform's TestNG engine, and applies to the engine's suite
 * what TestNG reads from the files besides ({@link #settings}): parameters, listeners, groups, parallel settings and
 * excluded methods. The rest is not applied: {@link #NOT_APPLIED}.
 */
public final class TestNgSuiteFiles {
    /** What the notice names as not applied of a suite file. */
    public static final String NOT_APPLIED = "their parameters, listeners, groups, parallel settings and excluded"
            + " methods are applied, not their method selectors, group definitions and dependencies, an <include>'s"
            + " parameters and a package's include and exclude lists; a class named by two <test>s runs once, in the"
            + " first";

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

    /**
     * What TestNG reads from the files besides the classes and methods to run, as the fork applies it to the engine's
     * suite: the suite-level parameters and parallel settings of the first file that sets them, every file's
     * listeners, and each class's {@code <test>} (its name, parameters over its suites', groups with its suite's,
     * parallel settings), its own parameters and its excluded methods.
     *
     * @throws IllegalArgumentException with one line naming the file, if one is missing, not a suite file, or holds a
     *     thread count that is not a number
     */
    public static TestNgSuite settings(List<File> files, Path testClassesDirectory) {
        Reading reading = new Reading(testClassesDirectory);
        for (File file : files) {
            reading.suite(file.toPath().toAbsolutePath().normalize(), Map.of());
        }
        return new TestNgSuite(
                null,
                reading.suiteParameters,
                List.copyOf(reading.listeners),
                reading.parallel,
                reading.threadCount,
                reading.dataProviderThreadCount,
                reading.tests,
                reading.classes);
    }

    /** One pass over the files for {@link #settings}. */
    private static final class Reading {
        private final Path classesDirectory;
        private final Set<Path> read = new LinkedHashSet<>();
        private final Map<String, String> suiteParameters = new LinkedHashMap<>();
        private final Set<String> listeners = new LinkedHashSet<>();
        private final Map<String, TestNgSuite.Test> tests = new LinkedHashMap<>();
        private final Map<String, TestNgSuite.Member> classes = new LinkedHashMap<>();
        private String parallel;
        private int threadCount;
        private int dataProviderThreadCount;

        Reading(Path classesDirectory) {
            this.classesDirectory = classesDirectory;
        }

        /** @param inherited the parameters of the suites that include this one, which its own win over */
        void suite(Path file, Map<String, String> inherited) {
            if (!read.add(file)) {
                return;
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("Suite file " + file + " is not a valid file");
            }
            Element suite = parse(file).getDocumentElement();
            Map<String, String> parameters = new LinkedHashMap<>(inherited);
            parameters.putAll(parameters(suite));
            parameters.forEach(suiteParameters::putIfAbsent);
            for (Element list : children(suite, "listeners")) {
                for (Element listener : children(list, "listener")) {
                    String name = listener.getAttribute("class-name").trim();
                    if (!name.isEmpty()) {
                        listeners.add(name);
                    }
                }
            }
            if (parallel == null && parallelMode(suite) != null) {
                parallel = parallelMode(suite);
            }
            if (threadCount == 0) {
                threadCount = count(file, suite, "thread-count");
            }
            if (dataProviderThreadCount == 0) {
                dataProviderThreadCount = count(file, suite, "data-provider-thread-count");
            }
            List<String> included = groups(suite, "include");
            List<String> excluded = groups(suite, "exclude");
            for (Element test : children(suite, "test")) {
                if (!"false".equalsIgnoreCase(test.getAttribute("enabled"))) {
                    test(file, test, parameters, included, excluded);
                }
            }
            for (Element list : children(suite, "suite-files")) {
                for (Element child : children(list, "suite-file")) {
                    suite(file.resolveSibling(child.getAttribute("path")).normalize(), parameters);
                }
            }
        }

        private void test(
                Path file,
                Element test,
                Map<String, String> suiteParameters,
                List<String> suiteIncluded,
                List<String> suiteExcluded) {
            String name = test.getAttribute("name").trim();
            String key = name.isEmpty() ? "Command line test" : name;
            for (int n = 2; tests.containsKey(key); n++) {
                key = name + " (" + n + ")"; // the same name in two files: each keeps its own settings
            }
            Map<String, String> parameters = new LinkedHashMap<>(suiteParameters);
            parameters.putAll(parameters(test));
            List<String> included = new ArrayList<>(suiteIncluded);
            included.addAll(groups(test, "include"));
            List<String> excluded = new ArrayList<>(suiteExcluded);
            excluded.addAll(groups(test, "exclude"));
            tests.put(
                    key,
                    new TestNgSuite.Test(
                            name.isEmpty() ? key : name,
                            parameters,
                            included,
                            excluded,
                            parallelMode(test),
                            count(file, test, "thread-count")));
            for (Element list : children(test, "classes")) {
                for (Element type : children(list, "class")) {
                    String className = type.getAttribute("name").trim();
                    if (className.isEmpty() || classes.containsKey(className)) {
                        continue;
                    }
                    List<String> excludedMethods = new ArrayList<>();
                    for (Element methods : children(type, "methods")) {
                        for (Element exclude : children(methods, "exclude")) {
                            excludedMethods.add(exclude.getAttribute("name").trim());
                        }
                    }
                    classes.put(className, new TestNgSuite.Member(key, parameters(type), excludedMethods));
                }
            }
            for (Element list : children(test, "packages")) {
                for (Element pkg : children(list, "package")) {
                    for (String className : packageClasses(pkg.getAttribute("name"), classesDirectory)) {
                        classes.putIfAbsent(className, new TestNgSuite.Member(key, Map.of(), List.of()));
                    }
                }
            }
        }
    }

    /** An element's own {@code <parameter name value>}s, in order. */
    private static Map<String, String> parameters(Element parent) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Element parameter : children(parent, "parameter")) {
            parameters.put(parameter.getAttribute("name"), parameter.getAttribute("value"));
        }
        return parameters;
    }

    /** The group names of an element's {@code <groups><run><include>} (or {@code <exclude>}). */
    private static List<String> groups(Element parent, String kind) {
        List<String> names = new ArrayList<>();
        for (Element groups : children(parent, "groups")) {
            for (Element run : children(groups, "run")) {
                for (Element group : children(run, kind)) {
                    names.add(group.getAttribute("name").trim());
                }
            }
        }
        return names;
    }

    /** An element's {@code parallel}; null when unset or off. */
    private static String parallelMode(Element element) {
        String mode = element.getAttribute("parallel").trim();
        return mode.isEmpty() || mode.equalsIgnoreCase("none") || mode.equalsIgnoreCase("false") ? null : mode;
    }

    private static int count(Path file, Element element, String attribute) {
        String value = element.getAttribute(attribute).trim();
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Suite file " + file + ": " + attribute + "=\"" + value + "\" is not a number", e);
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
