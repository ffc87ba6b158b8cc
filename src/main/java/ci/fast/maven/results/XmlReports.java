package ci.fast.maven.results;

import ci.fast.maven.report.XmlReportWriter;
import java.nio.file.Path;

/** Writes each class's {@code TEST-<class>.xml}, as Surefire does. */
public final class XmlReports implements ResultListener {
    private final XmlReportWriter writer;
    private final Path reportsDirectory;

    /** @param schemaLocation the schema the reports name: Surefire's, or Failsafe's for integration tests */
    public XmlReports(Path reportsDirectory, String schemaLocation) {
        this.reportsDirectory = reportsDirectory;
        this.writer = new XmlReportWriter(schemaLocation);
    }

    @Override
    public void classCompleted(ClassRun run) {
        writer.write(run.result(), reportsDirectory);
    }
}
