package ci.fast.maven.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Versions compared as the checks of older releases need them. */
class VersionNumberTest {
    @Test
    void comparesMajorAndMinor() {
        assertTrue(VersionNumber.below("3.5.4", 3, 6));
        assertFalse(VersionNumber.below("3.6.0-M1", 3, 6));
        assertTrue(VersionNumber.below("3.5-M1", 3, 6));
        assertFalse(VersionNumber.below(null, 3, 6));
        assertFalse(VersionNumber.below("LATEST", 3, 6));
    }

    @Test
    void comparesThePatchWhereAsked() {
        assertTrue(VersionNumber.below("3.5.3", 3, 5, 4));
        assertFalse(VersionNumber.below("3.5.4", 3, 5, 4));
        assertFalse(VersionNumber.below("3.5.4-M1", 3, 5, 4), "a qualifier is ignored");
        assertTrue(VersionNumber.below("3.5", 3, 5, 4), "a missing patch is 0");
        assertFalse(VersionNumber.below("3.6-M1", 3, 5, 4));
        assertTrue(VersionNumber.below("2.22.2", 3, 5, 4));
        assertFalse(VersionNumber.below("4.0.0", 3, 5, 4));
        assertFalse(VersionNumber.below(null, 3, 5, 4));
        assertFalse(VersionNumber.below("3.x", 3, 5, 4));
    }
}
