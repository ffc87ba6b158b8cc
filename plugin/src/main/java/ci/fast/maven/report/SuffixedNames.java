package ci.fast.maven.report;

import java.nio.file.Path;

/**
 * The names in a report written with Surefire's {@code reportNameSuffix}: {@code TEST-<class>-<suffix>.xml}, whose
 * suite name and testcase classnames are {@code <class>(<suffix>)}. Readers of earlier reports (timing history, the
 * failed tests of {@code verify}) want the class, so they take the suffix off. The suffix is read from the report
 * itself, not from the current configuration: a first run's history may come from a build with another suffix.
 */
final class SuffixedNames {
    private SuffixedNames() {}

    /**
     * The suffix {@code report} was written with: {@code S} when its suite is named {@code C(S)} and the file
     * {@code TEST-C-S.xml}; "" otherwise (a suite whose own name ends in parentheses is left as it is).
     */
    static String suffix(Path report, String suiteName) {
        if (suiteName == null || !suiteName.endsWith(")")) {
            return "";
        }
        int open = suiteName.lastIndexOf('(');
        if (open <= 0 || open == suiteName.length() - 2) {
            return "";
        }
        String base = suiteName.substring(0, open);
        String suffix = suiteName.substring(open + 1, suiteName.length() - 1);
        String file = report.getFileName().toString();
        return file.equals("TEST-" + base + "-" + suffix + ".xml") ? suffix : "";
    }

    /** {@code name} without {@code (suffix)} at its end; unchanged when the suffix is "" or not there. */
    static String strip(String name, String suffix) {
        String tail = "(" + suffix + ")";
        return suffix.isEmpty() || !name.endsWith(tail) ? name : name.substring(0, name.length() - tail.length());
    }
}
