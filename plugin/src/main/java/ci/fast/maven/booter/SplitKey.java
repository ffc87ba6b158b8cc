package ci.fast.maven.booter;

import java.util.List;
import java.util.Objects;

/**
 * A queue key that stands for part of a test class ({@code fastCi.splitClasses}): some of its test methods, run on
 * whichever node is handed it. Written {@code com.acme.FooTest#1/3:adds,divides}: the class, {@code #}, the part's
 * number and how many parts the class has, {@code :}, the names of its methods, comma-separated. The last part names
 * the methods it does not run, after {@code !} instead of {@code :} ({@code com.acme.FooTest#3/3!adds,divides,...}):
 * it runs every method the other parts do not, so that a method added since the history was written still runs.
 * Neither {@code #}, {@code !}, {@code :} nor {@code ,} can occur in a Java class or method name, so a key reads back
 * unambiguously; the server never reads it, to it every key is an opaque string. A part selects whole methods by
 * name: every invocation of a parameterized or repeated method, every dynamic test of a factory, every overload of
 * the name.
 *
 * @param className the class, fully qualified
 * @param part which part, from 1
 * @param parts how many parts the class has, at least 2: the class's report is written once all have a result
 * @param methods the names of the part's methods (of the others', for {@code except}), at least one
 * @param except whether the part runs every method but {@code methods}
 */
public record SplitKey(String className, int part, int parts, List<String> methods, boolean except) {
    private static final char CLASS_END = '#';
    private static final char COUNT_END = ':';
    private static final char EXCEPT_END = '!';

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

    /** Whether this part runs the method named {@code method}. */
    public boolean runs(String method) {
        return methods.contains(method) != except;
    }

    /** The part {@code key} stands for, or null when it is a whole class (or a key not of this form). */
    public static SplitKey parse(String key) {
        int hash = key.indexOf(CLASS_END);
        if (hash <= 0) {
            return null;
        }
        int colon = key.indexOf(COUNT_END, hash + 1);
        int bang = key.indexOf(EXCEPT_END, hash + 1);
        boolean except = bang >= 0 && (colon < 0 || bang < colon);
        colon = except ? bang : colon;
        int slash = key.indexOf('/', hash + 1);
        if (slash < 0 || colon < slash || colon == key.length() - 1) {
            return null;
        }
        try {
            int part = Integer.parseInt(key.substring(hash + 1, slash));
            int parts = Integer.parseInt(key.substring(slash + 1, colon));
            List<String> methods = List.of(key.substring(colon + 1).split(",", -1));
            if (parts < 2 || part < 1 || part > parts || methods.contains("")) {
                return null;
            }
            return new SplitKey(key.substring(0, hash), part, parts, methods, except);
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
        return className
                + CLASS_END
                + part
                + '/'
                + parts
                + (except ? EXCEPT_END : COUNT_END)
                + String.join(",", methods);
    }
}
