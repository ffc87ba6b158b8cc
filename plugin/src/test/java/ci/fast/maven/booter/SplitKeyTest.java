package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue key of a part of a class: written and read back unambiguously; a whole class's key is no part. */
class SplitKeyTest {
    @Test
    void readsBackWhatItWrites() {
        SplitKey first = new SplitKey("com.acme.Foo$Inner", 1, 3, List.of("adds", "divides$1"), false);
        SplitKey last = new SplitKey("com.acme.Foo$Inner", 3, 3, List.of("adds", "divides$1"), true);

        assertEquals("com.acme.Foo$Inner#1/3:adds,divides$1", first.toString());
        assertEquals("com.acme.Foo$Inner#3/3!adds,divides$1", last.toString());
        assertEquals(first, SplitKey.parse(first.toString()));
        assertEquals(last, SplitKey.parse(last.toString()));
        assertEquals("com.acme.Foo$Inner", SplitKey.className(last.toString()));
    }

    @Test
    void aPartRunsItsMethodsAndTheLastPartEveryOther() {
        SplitKey first = SplitKey.parse("com.acme.Foo#1/2:adds");
        SplitKey last = SplitKey.parse("com.acme.Foo#2/2!adds");

        assertTrue(first.runs("adds"));
        assertFalse(first.runs("addedSinceTheHistory"));
        assertFalse(last.runs("adds"));
        assertTrue(last.runs("addedSinceTheHistory"));
    }

    @Test
    void aWholeClassOrAnythingElseIsNoPart() {
        for (String key : List.of(
                "com.acme.FooTest",
                "TestSuite",
                "com.acme.Foo#adds",
                "com.acme.Foo#1/1:adds",
                "com.acme.Foo#3/2:adds",
                "com.acme.Foo#0/2:adds",
                "com.acme.Foo#1/2:",
                "com.acme.Foo#1/2:a,,b",
                "com.acme.Foo#x/2:adds",
                "#1/2:adds")) {
            assertNull(SplitKey.parse(key), key);
            assertEquals(key, SplitKey.className(key));
        }
    }
}
