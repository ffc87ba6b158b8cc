package ci.fast.maven.results;

import ci.fast.maven.report.XmlReportWriter;
import java.nio.file.Path;

/** Writes each class's {@code TEST-<class>.xml}, as Surefire does. */
public final class XmlReports implements ResultListener {
    private final XmlReportWriter writer = new XmlReportWriter();
    private final Path reportsDirectory;

    public XmlReports(Path reportsDirectory) {
        this.reportsDirectory = reportsDirectory;
    }

    @Override
    public void classCompleted(ClassRun run) {
        writer.write(run.result(), reportsDirectory);
    }
}
