package ci.fast.maven.extension;

import java.util.List;

/** The one line a build logs about what the extension replaced. */
final class ReplacementLine {
    /** Beyond this many, the line gives the count of the others: a reactor of hundreds stays one readable line. */
    static final int LISTED = 10;

    private ReplacementLine() {}

    /**
     * The line for these replaced executions, each named {@code module (execution id)}, a Failsafe one
     * {@code module (failsafe execution id)}.
     */
    static String of(List<String> replaced) {
        if (replaced.isEmpty()) {
            return "fast-ci: no module runs maven-surefire-plugin:test or maven-failsafe-plugin; nothing replaced.";
        }
        String listed = String.join(", ", replaced.subList(0, Math.min(LISTED, replaced.size())));
        if (replaced.size() > LISTED) {
            listed += " and " + (replaced.size() - LISTED) + " more";
        }
        return "fast-ci runs in place of Surefire and Failsafe in " + replaced.size()
                + (replaced.size() == 1 ? " execution: " : " executions: ") + listed + " (-D"
                + FastCiParticipant.ENABLED
                + "=false runs them).";
    }
}
