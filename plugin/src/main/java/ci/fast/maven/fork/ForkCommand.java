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
 * The command line of a fork. The class path (and for tests on the module path, the module path and its options),
 * the booter and its one argument, the event port, go in a JVM {@code @argfile}, so that a long class path fits on
 * any OS; the rest of the fork's settings travel on the event socket, so nothing of the run's configuration shows in
 * a process listing.
 */
final class ForkCommand {
    /**
     * Surefire's and Failsafe's per-fork placeholders (Failsafe has no {@code failsafe.} one), replaced by the fork's
     * number in argLine and the system properties, so that each fork of a run can take its own port or directory.
     */
    private static final List<String> FORK_NUMBER = List.of("${surefire.forkNumber}", "${surefire.threadNumber}");

    private ForkCommand() {}

    /** @param forkNumber the fork's number, from 1, for the placeholders in its JVM options */
    static List<String> build(ForkOptions options, int forkNumber, Path argFile, int eventPort) throws IOException {
        List<String> lines = new ArrayList<>();
        ModuleLayout modules = options.modules();
        if (modules != null) {
            lines.add("--module-path");
            lines.add(quote(joined(modules.modulePath())));
        }
        lines.add("-cp");
        lines.add(quote(joined(options.classPath())));
        if (modules != null) {
            modules.options().forEach(option -> lines.add(quote(option)));
        }
        lines.add(ForkedBooter.class.getName());
        lines.add(Integer.toString(eventPort));
        Files.write(argFile, lines, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(options.java().toString());
        for (String argument : options.jvmArguments()) {
            command.add(withForkNumber(argument, forkNumber));
        }
        command.add("@" + argFile);
        return command;
    }

    private static String joined(List<Path> path) {
        return path.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    static String withForkNumber(String argument, int forkNumber) {
        String replaced = argument;
        for (String placeholder : FORK_NUMBER) {
            replaced = replaced.replace(placeholder, Integer.toString(forkNumber));
        }
        return replaced;
    }

    /** An @argfile token: quoted, with backslashes and quotes escaped (JDK's @argfile rules). */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
