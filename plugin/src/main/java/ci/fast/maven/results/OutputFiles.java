package ci.fast.maven.results;

import ci.fast.maven.report.OutputFileWriter;
import ci.fast.maven.report.ReportLayout;
import java.nio.file.Path;

/**
 * Surefire's {@code redirectTestOutputToFile}: what each class printed goes to its {@code <class>-output.txt}, none
 * for a class that printed nothing. Given to a sink only when the output is redirected; else the console shows it.
 */
public final class OutputFiles implements ResultListener {
    private final OutputFileWriter writer;
    private final Path reportsDirectory;

    public OutputFiles(Path reportsDirectory) {
        this(reportsDirectory, ReportLayout.SUREFIRE);
    }

    /** @param layout names the files with its {@code reportNameSuffix} */
    public OutputFiles(Path reportsDirectory, ReportLayout layout) {
        this.reportsDirectory = reportsDirectory;
        this.writer = new OutputFileWriter(layout);
    }

    @Override
    public void classCompleted(ClassRun run) {
        writer.write(run.result(), reportsDirectory);
    }
}
