package ci.fast.maven.orchestration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-test keys must be unique within a class entry and must not collide with the entry's own fields; a repeated
 * name (two parameterized invocations with the same display name) gets a {@code " #2"} suffix.
 */
final class UniqueNames {
    private static final Set<String> RESERVED = Set.of("file_status", "test_count", "test_counters");

    private UniqueNames() {}

    static List<String> of(List<String> names) {
        Set<String> seen = new HashSet<>(RESERVED);
        List<String> unique = new ArrayList<>(names.size());
        for (String name : names) {
            String candidate = name;
            for (int n = 2; !seen.add(candidate); n++) {
                candidate = name + " #" + n;
            }
            unique.add(candidate);
        }
        return unique;
    }
}
