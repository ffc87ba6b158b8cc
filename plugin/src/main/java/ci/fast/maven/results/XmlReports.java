package ci.fast.maven.results;

import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.XmlReportWriter;
import java.nio.file.Path;

/** Writes each class's {@code TEST-<class>.xml}, as Surefire does. */
public final class XmlReports implements ResultListener {
    private final XmlReportWriter writer;
    private final Path reportsDirectory;

    /** @param schemaLocation the schema the reports name: Surefire's, or Failsafe's for integration tests */
    public XmlReports(Path reportsDirectory, String schemaLocation) {
        this(reportsDirectory, schemaLocation, ReportLayout.SUREFIRE);
    }

    /** @param layout what the reports say and how they are named, as Surefire's report parameters set it */
    public XmlReports(Path reportsDirectory, String schemaLocation, ReportLayout layout) {
        this.reportsDirectory = reportsDirectory;
        this.writer = new XmlReportWriter(schemaLocation, layout);
    }

    /** The suite is stamped, when the layout asks, with the instant its class's start arrived, as Surefire does. */
    @Override
    public void classCompleted(ClassRun run) {
        writer.write(run.result(), run.start(), reportsDirectory);
    }
}
