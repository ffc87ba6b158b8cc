package ci.fast.maven.config;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Surefire's {@code runOrder}: the order the classes are queued in. The orchestrator hands out the longest classes
 * first when it has their timings, keeping this order among classes of equal estimate (every class, on a first run),
 * so this is the order of a run without history and the tie-break of one with it.
 *
 * @param kind the order's name
 * @param seed the seed of {@code random}; null for the others
 */
public record RunOrder(Kind kind, Long seed) {
    /** Surefire's default: the order the classes were found in. */
    public static final RunOrder FILESYSTEM = new RunOrder(Kind.FILESYSTEM, null);

    /** The orders Surefire knows, by their names in a pom. */
    public enum Kind {
        FILESYSTEM,
        ALPHABETICAL,
        REVERSEALPHABETICAL,
        RANDOM,
        HOURLY,
        FAILEDFIRST,
        BALANCED
    }

    /**
     * @param value a {@code runOrder} value, case-insensitive; null or blank for {@code filesystem}
     * @param seed {@code runOrderRandomSeed}, or null for a fresh one
     * @throws SettingsException naming the values Surefire accepts
     */
    public static RunOrder parse(String value, Long seed) {
        if (value == null || value.isBlank()) {
            return FILESYSTEM;
        }
        Kind kind;
        try {
            kind = Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("runOrder '" + value + "' is not one of alphabetical, reversealphabetical,"
                    + " random, hourly, failedfirst, balanced, filesystem: set one of them");
        }
        if (kind == Kind.RANDOM) {
            return new RunOrder(kind, seed == null ? new Random().nextLong() : seed);
        }
        return new RunOrder(kind, null);
    }

    /**
     * The classes in this order. {@code failedfirst} and {@code balanced} keep the found order: whatever the order,
     * fast-ci's timing history hands out the classes that failed in their last run first, then the longest first.
     *
     * @param clock tells the hour, for {@code hourly}: alphabetical on even hours, reverse on odd ones
     */
    public List<String> apply(List<String> classes, Clock clock) {
        List<String> ordered = new ArrayList<>(classes);
        switch (kind) {
            case ALPHABETICAL -> Collections.sort(ordered);
            case REVERSEALPHABETICAL -> ordered.sort(Collections.reverseOrder());
            case RANDOM -> Collections.shuffle(ordered, new Random(seed));
            case HOURLY -> {
                int hour = clock.instant().atZone(ZoneId.systemDefault()).getHour();
                ordered.sort(hour % 2 == 0 ? null : Collections.reverseOrder());
            }
            default -> {
                // the found order
            }
        }
        return ordered;
    }
}
