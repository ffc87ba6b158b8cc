package ci.fast.maven.fork;

import ci.fast.maven.booter.ForkedBooter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of a fork. The class path, the booter and its one argument, the event port, go in a JVM
 * {@code @argfile}, so that a long class path fits on any OS; the rest of the fork's settings travel on the event
 * socket, so nothing of the run's configuration shows in a process listing.
 */
final class ForkCommand {
    private ForkCommand() {}

    static List<String> build(ForkOptions options, Path argFile, int eventPort) throws IOException {
        String classPath =
                options.classPath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        List<String> lines =
                List.of("-cp", quote(classPath), ForkedBooter.class.getName(), Integer.toString(eventPort));
        Files.write(argFile, lines, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(options.java().toString());
        command.addAll(options.jvmArguments());
        command.add("@" + argFile);
        return command;
    }

    /** An @argfile token: quoted, with backslashes and quotes escaped (JDK's @argfile rules). */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
