package ci.fast.maven.report;

/**
 * One line of the block Surefire prints after {@code Results:}, with the log level Surefire gives it.
 *
 * @param level how to log it
 * @param text the line, without Maven's level prefix
 */
public record SummaryLine(Level level, String text) {
    /** Maven log levels a summary line is printed at. */
    public enum Level {
        INFO,
        WARN,
        ERROR
    }
}
