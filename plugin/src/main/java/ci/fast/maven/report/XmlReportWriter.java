package ci.fast.maven.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Writes {@code TEST-<className>.xml} in Maven Surefire's format (schema version 3.0.2), which Jenkins,
 * GitHub and GitLab test reporters and {@code surefire-report} read.
 *
 * <p>As Surefire 3.5: what a test printed is in its own {@code testcase} (a failed run's in its {@code rerun…} or
 * {@code flaky…} element), and what no test owns after the last one is left out. How a class with {@code @Nested}
 * classes is reported (its reports, their counts and classnames) follows the Surefire version, {@link
 * PlatformReports}. Output that reached
 * the fork's native streams, which Surefire cannot capture, is the suite's {@code system-out} / {@code system-err}.
 * The system properties of the test JVM are listed, as Surefire does (the Maven JVM's when they are unknown), with
 * credentials masked. A {@link ReportLayout} changes what is written as Surefire's report parameters do. Safe to use
 * from several threads for different classes.
 */
public final class XmlReportWriter {

    /** The schema Surefire's reports name. */
    public static final String SCHEMA_LOCATION =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";

    /** The schema Failsafe's reports name: the same elements, Failsafe's name for them. */
    public static final String FAILSAFE_SCHEMA_LOCATION =
            "https://maven.apache.org/surefire/maven-failsafe-plugin/xsd/failsafe-test-report.xsd";

    static final String SCHEMA_VERSION = "3.0.2";

    private static final String NL = "\n";

    /** Read on every write, so a property set during the run shows in later reports as under Surefire. */
    private final Supplier<Properties> systemProperties;

    /** The schema the reports name: Surefire's, or Failsafe's for integration tests. */
    private final String schemaLocation;

    private final ReportLayout layout;

    /**
     * Forks' properties already masked, by identity: a fork sends them again only when they change, so most classes
     * of a fork share one map, masked once. A handful at most (one per fork and change); cleared past {@link
     * #MASKED_KEPT}. Guarded by itself.
     */
    private final Map<Map<String, String>, Map<String, String>> masked = new IdentityHashMap<>();

    private static final int MASKED_KEPT = 16;

    /** A writer of Surefire's reports that lists the Maven JVM's system properties. */
    public XmlReportWriter() {
        this(System::getProperties, SCHEMA_LOCATION);
    }

    /** A writer whose reports name {@code schemaLocation}, listing the Maven JVM's system properties. */
    public XmlReportWriter(String schemaLocation) {
        this(System::getProperties, schemaLocation, ReportLayout.SUREFIRE);
    }

    /** A writer whose reports name {@code schemaLocation} and follow {@code layout}. */
    public XmlReportWriter(String schemaLocation, ReportLayout layout) {
        this(System::getProperties, schemaLocation, layout);
    }

    XmlReportWriter(Supplier<Properties> systemProperties, String schemaLocation) {
        this(systemProperties, schemaLocation, ReportLayout.SUREFIRE);
    }

    XmlReportWriter(Supplier<Properties> systemProperties, String schemaLocation, ReportLayout layout) {
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.schemaLocation = Objects.requireNonNull(schemaLocation, "schemaLocation");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /**
     * Writes the report of one class into {@code reportsDirectory}, creating it if needed and replacing a
     * previous report of the same class atomically.
     *
     * @throws java.io.UncheckedIOException naming the file if it cannot be written
     */
    public void write(ClassResult r, Path reportsDirectory) {
        write(r, null, reportsDirectory);
    }

    /**
     * {@link #write(ClassResult, Path)}, the suite stamped with {@code started} when the layout asks for timestamps.
     *
     * @param started when the class started, or null when unknown
     */
    public void write(ClassResult r, Instant started, Path reportsDirectory) {
        Objects.requireNonNull(r, "ClassResult");
        Objects.requireNonNull(reportsDirectory, "reportsDirectory");
        for (ClassResult report : reports(r)) {
            Map<String, String> properties = properties(report);
            ReportFiles.write(reportsDirectory, fileName(report), out -> writeSuite(report, started, properties, out));
        }
    }

    /**
     * The reports a class's result makes at the project's Surefire version: itself, or one per container (a provider
     * before 3.5.4); each is written under its {@link #fileName}.
     */
    public List<ClassResult> reports(ClassResult r) {
        return layout.platform().reports(r);
    }

    /** The name of the class's report file, such as {@code TEST-com.acme.FooTest.xml}, as {@link #write} names it. */
    public String fileName(ClassResult r) {
        String name = layout.phrasedFileName() ? phrasedName(r) : r.className();
        return layout.fileName("TEST-" + name) + ".xml";
    }

    /** One of {@link #reports}'s reports as text: what a node hands our server for the run's merged reports. */
    public String xml(ClassResult r, Instant started) {
        StringWriter out = new StringWriter(4096);
        try {
            writeSuite(r, started, properties(r), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return out.toString();
    }

    /** A file's name as a report is written under it: characters some file system refuses replaced. */
    public static String safeFileName(String name) {
        return ReportFiles.safeFileName(name);
    }

    /**
     * Writes {@code xml} as the report {@code fileName} in {@code directory}, atomically: a report another node wrote.
     *
     * @return the file written, its name made safe for any file system
     */
    public static Path writeText(Path directory, String fileName, String xml) {
        return ReportFiles.write(directory, fileName, out -> out.write(xml));
    }

    private Map<String, String> properties(ClassResult r) {
        return !layout.propertiesElement() && allPassed(r)
                ? null
                : r.properties() != null ? masked(r.properties()) : ReportProperties.of(systemProperties.get());
    }

    /** Surefire leaves the properties out only where every run of every test passed. */
    private static boolean allPassed(ClassResult r) {
        return r.tests().stream()
                .allMatch(t -> t.status() == Status.PASSED
                        && t.reruns().stream().allMatch(run -> run.status() == Status.PASSED));
    }

    /** The class's own set's name: its {@code @DisplayName}, else its name. */
    private static String phrasedName(ClassResult r) {
        List<ClassResult> sets = r.testSets();
        return sets.get(sets.size() - 1).className();
    }

    private Map<String, String> masked(Map<String, String> properties) {
        synchronized (masked) {
            Map<String, String> done = masked.get(properties);
            if (done == null) {
                if (masked.size() >= MASKED_KEPT) {
                    masked.clear();
                }
                done = ReportProperties.masked(properties);
                masked.put(properties, done);
            }
            return done;
        }
    }

    private void writeSuite(ClassResult r, Instant started, Map<String, String> properties, Writer out)
            throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + NL);
        out.write("<testsuite");
        attribute(out, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
        attribute(out, "xsi:noNamespaceSchemaLocation", schemaLocation);
        attribute(out, "version", layout.xmlVersion());
        PlatformReports.Counts counts = layout.platform().counts(r);
        attribute(out, "name", layout.reportName(layout.phrasedSuiteName() ? phrasedName(r) : r.className()));
        attribute(out, "time", time(r.seconds()));
        if (layout.timestamps() && started != null) {
            attribute(out, "timestamp", timestamp(started.toEpochMilli()));
        }
        attribute(out, "tests", String.valueOf(counts.tests()));
        attribute(out, "errors", String.valueOf(counts.errors()));
        attribute(out, "skipped", String.valueOf(counts.skipped()));
        attribute(out, "failures", String.valueOf(counts.failures()));
        if (layout.platform().flakes()) {
            attribute(out, "flakes", String.valueOf(counts.flakes()));
        }
        out.write(">" + NL);
        if (properties != null) {
            writeProperties(properties, out);
        }
        for (TestResult t : r.tests()) {
            writeTestCase(t, out);
        }
        writeOutput("  ", "system-out", r.nativeOut(), out);
        writeOutput("  ", "system-err", r.nativeErr(), out);
        out.write("</testsuite>" + NL);
    }

    private static void writeProperties(Map<String, String> properties, Writer out) throws IOException {
        out.write("  <properties>" + NL);
        for (Map.Entry<String, String> p : properties.entrySet()) {
            out.write("    <property");
            attribute(out, "name", p.getKey());
            attribute(out, "value", p.getValue());
            out.write("/>" + NL);
        }
        out.write("  </properties>" + NL);
    }

    private void writeTestCase(TestResult t, Writer out) throws IOException {
        out.write("  <testcase");
        attribute(out, "name", layout.phrasedMethodName() ? t.phrasedOrName() : t.name());
        attribute(out, "classname", layout.reportName(layout.platform().classname(t, layout.phrasedClassName())));
        attribute(out, "time", time(t.seconds()));
        if (layout.timestamps()) {
            // Surefire stamps a flaky test with the run that passed.
            TestResult stamped = t.isFlaky() ? passedRun(t) : t;
            if (stamped.startedAt() > 0) {
                attribute(out, "timestamp", timestamp(stamped.startedAt()));
            }
        }
        if (t.status() == Status.PASSED && !(layout.outErrElements() && printed(t))) {
            out.write("/>" + NL);
            return;
        }
        out.write(">" + NL);
        if (t.status() == Status.PASSED) {
            writeOutputs("    ", t, out);
        } else if (t.status() == Status.SKIPPED) {
            writeSkipped(t, out);
            writeOutputs("    ", t, out);
        } else if (t.isFlaky()) {
            // Surefire's shape: every failed run of a test that passed in the end, its trace and output in a child
            // element. Surefire drops the passing run's output; it is kept here, as the testcase's.
            writeRun("flaky", t, out);
            TestResult passed = null;
            for (TestResult rerun : t.reruns()) {
                if (rerun.status() != Status.PASSED) {
                    writeRun("flaky", rerun, out);
                } else {
                    passed = rerun;
                }
            }
            if (passed != null && layout.outErrElements()) {
                writeOutputs("    ", passed, out);
            }
        } else {
            writeFailure(t, out);
            writeOutputs("    ", t, out);
            for (TestResult rerun : t.reruns()) {
                writeRun("rerun", rerun, out);
            }
        }
        out.write("  </testcase>" + NL);
    }

    /** An assumption that failed carries its type and trace, as under Surefire; a disabled test its reason. */
    private static void writeSkipped(TestResult t, Writer out) throws IOException {
        out.write("    <skipped");
        optionalAttribute(out, "message", t.skipReason());
        optionalAttribute(out, "type", t.failureType());
        if (t.stackTrace() == null) {
            out.write("/>" + NL);
        } else {
            out.write(">" + XmlText.content(t.stackTrace()) + "</skipped>" + NL);
        }
    }

    private static void writeFailure(TestResult t, Writer out) throws IOException {
        String element = t.status() == Status.FAILED ? "failure" : "error";
        out.write("    <" + element);
        optionalAttribute(out, "message", t.failureMessage());
        optionalAttribute(out, "type", t.failureType());
        out.write(">");
        if (t.stackTrace() != null) {
            out.write(XmlText.content(t.stackTrace()));
        }
        out.write("</" + element + ">" + NL);
    }

    /** {@code <flakyFailure>}, {@code <rerunError>} …: one failed run, the trace in {@code <stackTrace>}. */
    private static void writeRun(String prefix, TestResult run, Writer out) throws IOException {
        String element = prefix + (run.status() == Status.FAILED ? "Failure" : "Error");
        out.write("    <" + element);
        optionalAttribute(out, "message", run.failureMessage());
        optionalAttribute(out, "type", run.failureType());
        out.write(">" + NL);
        if (run.stackTrace() != null) {
            out.write("      <stackTrace>" + XmlText.content(run.stackTrace()) + "</stackTrace>" + NL);
        }
        writeOutputs("      ", run, out);
        out.write("    </" + element + ">" + NL);
    }

    private static TestResult passedRun(TestResult flaky) {
        return flaky.reruns().stream()
                .filter(run -> run.status() == Status.PASSED)
                .findFirst()
                .orElse(flaky);
    }

    private static boolean printed(TestResult t) {
        return !t.stdout().isEmpty() || !t.stderr().isEmpty();
    }

    private static void writeOutputs(String indent, TestResult t, Writer out) throws IOException {
        writeOutput(indent, "system-out", t.stdout(), out);
        writeOutput(indent, "system-err", t.stderr(), out);
    }

    private static void writeOutput(String indent, String element, String text, Writer out) throws IOException {
        if (!text.isEmpty()) {
            out.write(indent + "<" + element + ">" + XmlText.content(text) + "</" + element + ">" + NL);
        }
    }

    /** Surefire leaves out empty messages rather than writing {@code message=""}. */
    private static void optionalAttribute(Writer out, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            attribute(out, name, value);
        }
    }

    private static void attribute(Writer out, String name, String value) throws IOException {
        out.write(" " + name + "=\"" + XmlText.attribute(value) + "\"");
    }

    /** An instant to the millisecond as Surefire writes it: {@code 2026-12-01T13:36:59.417Z}, {@code …:59Z} on .000. */
    static String timestamp(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** Seconds with three decimals and a dot whatever the default locale, e.g. {@code 0.012}. */
    static String time(double seconds) {
        // BigDecimal.valueOf rounds the double's shortest decimal form half up, as Formatter does; a fifth of the cost.
        double positive = Double.isFinite(seconds) && seconds > 0 ? seconds : 0.0;
        return BigDecimal.valueOf(positive).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }
}
