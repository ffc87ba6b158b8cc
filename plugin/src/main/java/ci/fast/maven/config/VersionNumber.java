package ci.fast.maven.config;

/** The major, minor and patch numbers of an artifact's version, where they decide what an older release did. */
public final class VersionNumber {
    private VersionNumber() {}

    /**
     * Whether {@code version}'s major.minor is below {@code major}.{@code minor}: {@code 3.6.0-M1} is not below 3.6;
     * false for null and for a version that does not start with numbers ({@code LATEST}, a snapshot's name).
     */
    public static boolean below(String version, int major, int minor) {
        return below(version, major, minor, 0);
    }

    /**
     * Whether {@code version}'s major.minor.patch is below {@code major}.{@code minor}.{@code patch}: {@code 3.5.3}
     * is below 3.5.4, {@code 3.5.4-M1} is not (a qualifier is ignored); a missing number counts as 0; false for null
     * and for a version whose numbers are not numbers.
     */
    public static boolean below(String version, int major, int minor, int patch) {
        if (version == null) {
            return false;
        }
        String[] parts = version.split("[.-]");
        try {
            int[] its = {
                Integer.parseInt(parts[0]),
                parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                // 3.6-M1: a qualifier where the patch would be
                parts.length > 2 && parts[2].matches("\\d+") ? Integer.parseInt(parts[2]) : 0
            };
            int[] than = {major, minor, patch};
            for (int i = 0; i < its.length; i++) {
                if (its[i] != than[i]) {
                    return its[i] < than[i];
                }
            }
            return false;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
