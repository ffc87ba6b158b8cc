package ci.fast.maven.config;

/** Surefire's forkCount syntax: a number, or a number of forks per core such as {@code 2C} or {@code 0.5C}. */
public final class ForkCount {
    private ForkCount() {}

    /**
     * @throws IllegalArgumentException with the one line a user needs when the value is not valid
     */
    public static int parse(String value, int cores) {
        String v = value == null ? "" : value.trim();
        try {
            if (v.endsWith("C") || v.endsWith("c")) {
                double perCore = Double.parseDouble(v.substring(0, v.length() - 1));
                if (perCore > 0 && Double.isFinite(perCore)) {
                    return Math.max(1, (int) (perCore * cores));
                }
                throw new NumberFormatException(v);
            }
            int count = Integer.parseInt(v);
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new SettingsException("forkCount must be a whole number of at least 1, or forks per core"
                + " such as 2C; was '" + value + "'");
    }
}
