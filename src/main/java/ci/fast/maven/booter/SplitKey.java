package ci.fast.maven.booter;

import java.util.List;
import java.util.Objects;

/**
 * A queue key that stands for part of a test class ({@code fastCi.splitClasses}): some of its test methods, run on
 * whichever node is handed it. Written {@code com.acme.FooTest#2/3:adds,divides}: the class, {@code #}, the part's
 * number and how many parts the class has, {@code :}, the names of its methods, comma-separated. Neither {@code #}
 * nor {@code ,} can occur in a Java class or method name, so a key reads back unambiguously; the server never reads
 * it, to it every key is an opaque string. A part selects whole methods by name: every invocation of a parameterized
 * or repeated method, every dynamic test of a factory, every overload of the name.
 *
 * @param className the class, fully qualified
 * @param part which part, from 1
 * @param parts how many parts the class has, at least 2: the class's report is written once all have a result
 * @param methods the names of the part's methods, at least one
 */
public record SplitKey(String className, int part, int parts, List<String> methods) {
    private static final char CLASS_END = '#';
    private static final char COUNT_END = ':';

    public SplitKey {
        Objects.requireNonNull(className, "SplitKey.className");
        methods = List.copyOf(methods);
        if (parts < 2 || part < 1 || part > parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts + " of " + className);
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("part " + part + " of " + className + " has no method");
        }
    }

    /** The part {@code key} stands for, or null when it is a whole class (or a key not of this form). */
    public static SplitKey parse(String key) {
        int hash = key.indexOf(CLASS_END);
        int colon = key.indexOf(COUNT_END, hash + 1);
        int slash = key.indexOf('/', hash + 1);
        if (hash <= 0 || slash < 0 || colon < slash || colon == key.length() - 1) {
            return null;
        }
        try {
            int part = Integer.parseInt(key.substring(hash + 1, slash));
            int parts = Integer.parseInt(key.substring(slash + 1, colon));
            List<String> methods = List.of(key.substring(colon + 1).split(",", -1));
            if (parts < 2 || part < 1 || part > parts || methods.contains("")) {
                return null;
            }
            return new SplitKey(key.substring(0, hash), part, parts, methods);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The class {@code key} runs tests of: the key itself for a whole class, the part's class for a part. */
    public static String className(String key) {
        SplitKey split = parse(key);
        return split == null ? key : split.className();
    }

    /** The key on the wire. */
    @Override
    public String toString() {
        return className + CLASS_END + part + '/' + parts + COUNT_END + String.join(",", methods);
    }
}
