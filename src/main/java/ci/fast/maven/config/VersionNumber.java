package ci.fast.maven.config;

/** The major and minor numbers of an artifact's version, where they decide what an older release did. */
public final class VersionNumber {
    private VersionNumber() {}

    /**
     * Whether {@code version}'s major.minor is below {@code major}.{@code minor}: {@code 3.6.0-M1} is not below 3.6;
     * false for null and for a version that does not start with numbers ({@code LATEST}, a snapshot's name).
     */
    public static boolean below(String version, int major, int minor) {
        if (version == null) {
            return false;
        }
        String[] parts = version.split("[.-]");
        try {
            int itsMajor = Integer.parseInt(parts[0]);
            int itsMinor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return itsMajor < major || itsMajor == major && itsMinor < minor;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
