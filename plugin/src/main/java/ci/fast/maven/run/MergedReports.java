package ci.fast.maven.run;

import ci.fast.maven.booter.SplitKey;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.report.ReportMerge;
import ci.fast.maven.report.XmlReportWriter;
import ci.fast.maven.server.Report;
import ci.fast.maven.server.ReportArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole run's reports, every node's, fetched from our own server into one {@code TEST-*.xml} set: what
 * {@code fast-ci:report} publishes for a CI job that reports for all nodes. The run is the one the nodes joined: the
 * topic of their {@code run_key} and {@code build_id}.
 */
public final class MergedReports {
    /** The classes without a report named in the warning, before "and N more". */
    private static final int NAMED = 10;

    /** A part's report whose tests all fell to a filter (its methods renamed since the split): it adds nothing. */
    private static final String NOTHING_RUN = " tests=\"0\"";

    private MergedReports() {}

    /** A part's number, for the parts of one class in order; 0 for a class's key. */
    private static int partNumber(Report report) {
        SplitKey part = SplitKey.parse(report.key());
        return part == null ? 0 : part.part();
    }

    /**
     * Writes every report the server keeps of the run into {@code directory}, replacing a file of the same name; says
     * which classes have none, and whether the run is still going.
     *
     * @param params the connect parameters, as the run's nodes had them (the secret apart)
     * @return how many reports were written; -1 when the server is not ours, said on {@code log}, and nothing is
     * @throws IOException the one line of a server that refused, could not be reached, or knows no such run
     */
    public static int fetch(URI server, Secret secret, Map<String, String> params, Path directory, RunLog log)
            throws IOException, InterruptedException {
        String topic = Events.topic(params.get("run_key"), params.get("build_id"));
        if (!ReportExchange.ours(server, secret, params)) {
            log.warn("fast-ci:report: " + server + " is not our own server (fast-ci:serve), the only one that keeps"
                    + " every node's reports; reporting this machine's reports only");
            return -1;
        }
        ReportArchive.Archived run = new ReportExchange(server, secret).fetch(topic);
        // By file: a class split by method (fastCi.splitClasses) has one report of each part, from whichever node ran
        // it, all of one name; every other class one report of each of its files.
        Map<String, List<Report>> byFile = new LinkedHashMap<>();
        for (Report report : run.reports()) {
            // The server is ours and the key's holder's, but a name is still no path: only a report's.
            if (!report.file().startsWith("TEST-") || !report.file().endsWith(".xml")) {
                log.warn("fast-ci:report: the server's report of " + report.key() + " is named " + report.file()
                        + ", not TEST-*.xml; left out");
                continue;
            }
            // By class too: two classes' reports of one name (usePhrasedFileName) are not one class's parts.
            byFile.computeIfAbsent(SplitKey.className(report.key()) + '\0' + report.file(), f -> new ArrayList<>())
                    .add(report);
        }
        Set<String> reported = new HashSet<>();
        int written = 0;
        try {
            for (Map.Entry<String, List<Report>> file : byFile.entrySet()) {
                List<Report> reports = new ArrayList<>(file.getValue());
                reports.sort(Comparator.comparingInt(MergedReports::partNumber));
                reports.forEach(report -> reported.add(report.key()));
                List<Report> ran = reports.stream()
                        .filter(report -> !report.xml().contains(NOTHING_RUN))
                        .toList();
                if (ran.isEmpty() && reports.size() > 1) {
                    continue; // a split class none of whose parts ran a test: no report, as for a class run whole
                }
                String xml = reports.size() == 1
                        ? reports.get(0).xml()
                        : ReportMerge.merge(ran.stream().map(Report::xml).toList());
                XmlReportWriter.writeText(directory, reports.get(0).file(), xml);
                written++;
            }
        } catch (UncheckedIOException e) {
            throw new IOException(e.getMessage(), e);
        }
        log.info("fast-ci:report: " + written + " reports of " + topic + " from every node, written to " + directory);
        if (!run.finished()) {
            log.warn("fast-ci:report: " + topic + " has not finished: some classes have no result yet");
        }
        // A part is named by its key: the class's report lacks that part's tests.
        List<String> missing =
                run.classes().stream().filter(c -> !reported.contains(c)).toList();
        if (!missing.isEmpty()) {
            log.warn("fast-ci:report: " + missing.size() + " of the run's "
                    + run.classes().size()
                    + " classes have no report on the server (no node finished them, or a node could not hand its"
                    + " reports over): " + String.join(", ", missing.subList(0, Math.min(NAMED, missing.size())))
                    + (missing.size() > NAMED ? " and " + (missing.size() - NAMED) + " more" : ""));
        }
        return written;
    }
}
