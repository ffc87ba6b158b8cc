package ci.fast.maven.results;

import ci.fast.maven.report.OutputFileWriter;
import java.nio.file.Path;

/**
 * Surefire's {@code redirectTestOutputToFile}: what each class printed goes to its {@code <class>-output.txt}, none
 * for a class that printed nothing. Given to a sink only when the output is redirected; else the console shows it.
 */
public final class OutputFiles implements ResultListener {
    private final OutputFileWriter writer = new OutputFileWriter();
    private final Path reportsDirectory;

    public OutputFiles(Path reportsDirectory) {
        this.reportsDirectory = reportsDirectory;
    }

    @Override
    public void classCompleted(ClassRun run) {
        writer.write(run.result(), reportsDirectory);
    }
}
