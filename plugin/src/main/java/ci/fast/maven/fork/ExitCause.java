package ci.fast.maven.fork;

/** Words for how a fork's JVM ended without saying goodbye. */
final class ExitCause {
    private ExitCause() {}

    static String describe(int exitCode) {
        if (exitCode > 128 && exitCode < 160) {
            int signal = exitCode - 128;
            return "the forked JVM was killed by signal " + signal + signalName(signal) + " (exit code " + exitCode
                    + ")";
        }
        return "the forked JVM exited with code " + exitCode + " before finishing"
                + (exitCode == 0 ? " (a test called System.exit?)" : "");
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> " (SIGKILL)";
            case 15 -> " (SIGTERM)";
            case 6 -> " (SIGABRT)";
            case 11 -> " (SIGSEGV)";
            default -> "";
        };
    }
}
