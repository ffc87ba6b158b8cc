package ci.fast.maven.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failsafe's {@code failsafe-summary.xml}: what {@code integration-test} found, for {@code verify} to judge, in
 * Failsafe's format so that tools reading Failsafe's file read ours: byte for byte as Failsafe 3.5.4 writes it, its
 * {@code result="null"} of a passing run, its {@code xsi:nil} message and its missing last newline included (IT
 * failsafe-comparison compares the two).
 *
 * @param completed tests run
 * @param errors tests in error, and fork errors
 * @param failures tests that failed
 * @param skipped tests skipped
 * @param flakes tests that failed, then passed on a rerun
 * @param failureMessage what went wrong outside the tests (a fork that died), or empty
 * @param timeout whether a fork timed out
 */
public record FailsafeSummary(
        int completed, int errors, int failures, int skipped, int flakes, String failureMessage, boolean timeout) {
    /** Failsafe's result code of a run with failures or errors. */
    static final int FAILURE = 255;
    /** Failsafe's result code of a run with no test. */
    static final int NO_TESTS = 254;

    private static final String SCHEMA = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/failsafe-summary.xsd\"";
    /** Failsafe's element for no message: nil, its namespace declared again on it. */
    private static final String NO_MESSAGE =
            "<failureMessage xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>";

    public FailsafeSummary {
        failureMessage = failureMessage == null ? "" : failureMessage;
    }

    /** The summary of a run's results and the problems outside its tests. */
    public static FailsafeSummary of(RunSummary summary, List<String> problems) {
        return new FailsafeSummary(
                summary.testsRun(),
                summary.errors(),
                summary.failures(),
                summary.skipped(),
                summary.flakes(),
                String.join("\n", problems),
                problems.stream().anyMatch(p -> p.contains("timed out")));
    }

    /** Whether {@code verify} fails the build for it (unless failures are ignored). */
    public boolean failed() {
        return errors > 0 || failures > 0 || !failureMessage.isEmpty();
    }

    /**
     * Failsafe's result code: no tests (checked first, as Failsafe does: a run whose only fork died before a test
     * completed says no tests), failure, or null for success.
     */
    public Integer result() {
        if (completed == 0) {
            return NO_TESTS;
        }
        return failed() ? FAILURE : null;
    }

    /** This summary and another's, as Failsafe merges the summaries of several executions into one file. */
    public FailsafeSummary plus(FailsafeSummary other) {
        String message = failureMessage.isEmpty()
                ? other.failureMessage
                : other.failureMessage.isEmpty() ? failureMessage : failureMessage + "\n" + other.failureMessage;
        return new FailsafeSummary(
                completed + other.completed,
                errors + other.errors,
                failures + other.failures,
                skipped + other.skipped,
                flakes + other.flakes,
                message,
                timeout || other.timeout);
    }

    /**
     * Writes the file atomically, in Failsafe's layout: a passing run's result is the text {@code null}, as Failsafe
     * formats its missing code, and the file ends without a newline, as Failsafe's.
     */
    public void write(Path file) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + "<failsafe-summary " + SCHEMA
                + " result=\"" + result() + "\" timeout=\"" + timeout + "\">\n"
                + "    <completed>" + completed + "</completed>\n"
                + "    <errors>" + errors + "</errors>\n"
                + "    <failures>" + failures + "</failures>\n"
                + "    <skipped>" + skipped + "</skipped>\n"
                + "    <flakes>" + flakes + "</flakes>\n"
                + "    "
                + (failureMessage.isEmpty()
                        ? NO_MESSAGE
                        : "<failureMessage>" + XmlText.content(failureMessage) + "</failureMessage>")
                + "\n</failsafe-summary>";
        ReportFiles.write(file.toAbsolutePath().getParent(), file.getFileName().toString(), out -> out.write(xml));
    }

    /**
     * Reads a file written by {@link #write} or by Failsafe.
     *
     * @throws UncheckedIOException naming the file when it cannot be read or is no summary
     */
    public static FailsafeSummary read(Path file) {
        String xml;
        try {
            xml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the integration tests' summary " + file + ": " + e.getMessage(), e);
        }
        if (!xml.contains("<failsafe-summary")) {
            throw new UncheckedIOException(new IOException(file + " is no failsafe-summary.xml"));
        }
        return new FailsafeSummary(
                number(xml, "completed"),
                number(xml, "errors"),
                number(xml, "failures"),
                number(xml, "skipped"),
                number(xml, "flakes"),
                unescape(text(xml, "failureMessage")),
                xml.contains("timeout=\"true\""));
    }

    private static String unescape(String text) {
        Matcher m = Pattern.compile("&(#x?[0-9a-fA-F]+|lt|gt|amp|quot|apos);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement =
                    switch (entity) {
                        case "lt" -> "<";
                        case "gt" -> ">";
                        case "amp" -> "&";
                        case "quot" -> "\"";
                        case "apos" -> "'";
                        default ->
                            new String(Character.toChars(
                                    entity.startsWith("#x")
                                            ? Integer.parseInt(entity.substring(2), 16)
                                            : Integer.parseInt(entity.substring(1))));
                    };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int number(String xml, String element) {
        String text = text(xml, element).strip();
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    private static String text(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL)
                .matcher(xml);
        return m.find() ? m.group(1) : "";
    }
}
