import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
  * Compares the Surefire-format reports of two builds of one project: every testcase's outcome (passed, failed,
  * error, skipped), keyed by module, class name and test name, and every suite's counts (tests, failures, errors,
  * skipped), keyed by module and report file.
  *
  * <p>Usage: {@code java Compare.java <surefire-copy> <fast-ci-copy> <differences-file>}. Reads every
  * {@code <module>/target/surefire-reports/TEST-*.xml} under each copy, writes every difference, one a line, to the
  * differences file, and prints one tab-separated line: Surefire's testcases, fast-ci's testcases, Surefire's suites,
  * fast-ci's suites, {@code yes}/{@code no} (identical), the number of differences, and a short summary of them
  * grouped by kind and class. Failsafe's reports are not read: the matrix compares the {@code test} phase only.
  *
  * <p>A name that occurs more than once in a class (generated suites, parameterised tests with equal names) is
  * compared as a multiset of outcomes.
  */
public final class Compare {

    private static final String REPORTS = "target/surefire-reports";

    private Compare() {}

    /** One report file's counts, as its {@code testsuite} element states them. */
    record Counts(int tests, int failures, int errors, int skipped) {
        @Override
        public String toString() {
            return "tests=" + tests + " failures=" + failures + " errors=" + errors + " skipped=" + skipped;
        }
    }

    /** What one build wrote: testcase outcomes by key, suite counts by module and file. */
    record Reports(Map<String, List<String>> testcases, Map<String, Counts> suites) {
        int testcaseCount() {
            return testcases.values().stream().mapToInt(List::size).sum();
        }
    }

    /** One difference: its kind (for grouping), the class it concerns, and the full line. */
    record Difference(String kind, String className, String line) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java Compare.java <surefire-copy> <fast-ci-copy> <differences-file>");
            System.exit(2);
        }
        Reports surefire = read(Path.of(args[0]));
        Reports fastCi = read(Path.of(args[1]));
        List<Difference> differences = new ArrayList<>();
        compareTestcases(surefire, fastCi, differences);
        compareSuites(surefire, fastCi, differences);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
            differences.forEach(d -> out.println(d.line()));
        }
        System.out.println(
                String.join(
                        "\t",
                        String.valueOf(surefire.testcaseCount()),
                        String.valueOf(fastCi.testcaseCount()),
                        String.valueOf(surefire.suites().size()),
                        String.valueOf(fastCi.suites().size()),
                        differences.isEmpty() ? "yes" : "no",
                        String.valueOf(differences.size()),
                        summary(differences)));
    }

    private static Reports read(Path copy) throws IOException {
        Map<String, List<String>> testcases = new TreeMap<>();
        Map<String, Counts> suites = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(copy)) {
            files =
                    walk.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                            .filter(p -> p.getParent().endsWith(REPORTS))
                            .sorted()
                            .collect(Collectors.toList());
        }
        for (Path file : files) {
            String module = module(copy, file);
            Element suite = parse(file);
            suites.put(
                    module + " " + file.getFileName(),
                    new Counts(
                            intAttribute(suite, "tests"),
                            intAttribute(suite, "failures"),
                            intAttribute(suite, "errors"),
                            intAttribute(suite, "skipped")));
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                String key =
                        module + " " + testcase.getAttribute("classname") + "#" + testcase.getAttribute("name");
                testcases.computeIfAbsent(key, k -> new ArrayList<>()).add(outcome(testcase));
            }
        }
        testcases.values().forEach(list -> list.sort(null));
        return new Reports(testcases, suites);
    }

    /** The module's path relative to the copy ({@code .} for the root), so both copies key alike. */
    private static String module(Path copy, Path report) {
        Path moduleDir = report.getParent().getParent().getParent();
        String relative = copy.relativize(moduleDir).toString();
        return relative.isEmpty() ? "." : relative;
    }

    private static Element parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int intAttribute(Element element, String name) {
        String value = element.getAttribute(name);
        return value.isEmpty() ? 0 : (int) Double.parseDouble(value);
    }

    /** Surefire's meaning: a flaky test passed; a test whose every run failed is failed (or error). */
    private static String outcome(Element testcase) {
        for (Node child = testcase.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                switch (element.getTagName()) {
                    case "failure", "rerunFailure":
                        return "failed";
                    case "error", "rerunError":
                        return "error";
                    case "skipped":
                        return "skipped";
                    default:
                        break;
                }
            }
        }
        return "passed";
    }

    private static void compareTestcases(Reports surefire, Reports fastCi, List<Difference> out) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        surefire.testcases().keySet().forEach(k -> keys.put(k, true));
        fastCi.testcases().keySet().forEach(k -> keys.put(k, true));
        for (String key : keys.keySet()) {
            List<String> left = surefire.testcases().getOrDefault(key, List.of());
            List<String> right = fastCi.testcases().getOrDefault(key, List.of());
            if (left.equals(right)) {
                continue;
            }
            String className = key.substring(key.indexOf(' ') + 1, key.indexOf('#'));
            String kind;
            if (right.isEmpty()) {
                kind = "testcase missing in fast-ci";
            } else if (left.isEmpty()) {
                kind = "testcase only in fast-ci";
            } else if (left.size() != right.size()) {
                kind = "testcase count differs";
            } else {
                kind = "outcome differs";
            }
            out.add(new Difference(kind, className, kind + ": " + key + " surefire=" + left + " fast-ci=" + right));
        }
    }

    private static void compareSuites(Reports surefire, Reports fastCi, List<Difference> out) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        surefire.suites().keySet().forEach(k -> keys.put(k, true));
        fastCi.suites().keySet().forEach(k -> keys.put(k, true));
        for (String key : keys.keySet()) {
            Counts left = surefire.suites().get(key);
            Counts right = fastCi.suites().get(key);
            if (left != null && left.equals(right)) {
                continue;
            }
            String className = key.substring(key.indexOf(' ') + 1)
                    .replaceFirst("^TEST-", "")
                    .replaceFirst("\\.xml$", "");
            String kind =
                    right == null
                            ? "suite missing in fast-ci"
                            : left == null ? "suite only in fast-ci" : "suite counts differ";
            String line = kind + ": " + key + " surefire=[" + left + "] fast-ci=[" + right + "]";
            out.add(new Difference(kind, className, line));
        }
    }

    /** "kind N (Class a, Class b, +k more)" per kind, so the table's cell says where to look. */
    private static String summary(List<Difference> differences) {
        Map<String, List<Difference>> byKind = new TreeMap<>();
        differences.forEach(d -> byKind.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d));
        List<String> parts = new ArrayList<>();
        byKind.forEach(
                (kind, list) -> {
                    Map<String, Long> byClass =
                            list.stream()
                                    .collect(Collectors.groupingBy(
                                            Difference::className, TreeMap::new, Collectors.counting()));
                    List<String> classes = new ArrayList<>();
                    byClass.entrySet().stream()
                            .limit(3)
                            .forEach(e -> classes.add(
                                    simpleName(e.getKey()) + (e.getValue() > 1 ? " x" + e.getValue() : "")));
                    if (byClass.size() > 3) {
                        classes.add("+" + (byClass.size() - 3) + " classes");
                    }
                    parts.add(kind + " " + list.size() + " (" + String.join(", ", classes) + ")");
                });
        return parts.isEmpty() ? "-" : String.join("; ", parts);
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
