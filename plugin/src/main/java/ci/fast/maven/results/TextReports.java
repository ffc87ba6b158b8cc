package ci.fast.maven.results;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.TextReportWriter;
import java.nio.file.Path;

/** Writes each class's {@code <class>.txt}, as Surefire does. */
public final class TextReports implements ResultListener {
    private final TextReportWriter writer;
    private final Path reportsDirectory;
    private final ReportLayout layout;

    public TextReports(Path reportsDirectory) {
        this(reportsDirectory, ReportLayout.SUREFIRE);
    }

    public TextReports(Path reportsDirectory, ReportLayout layout) {
        this.reportsDirectory = reportsDirectory;
        this.writer = new TextReportWriter(layout);
        this.layout = layout;
    }

    @Override
    public void classCompleted(ClassRun run) {
        for (ClassResult report : layout.platform().reports(run.result())) {
            writer.write(report, reportsDirectory);
        }
    }
}
