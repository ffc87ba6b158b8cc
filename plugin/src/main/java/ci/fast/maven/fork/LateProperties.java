package ci.fast.maven.fork;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surefire's late replacement of {@code @{name}} in {@code argLine}: the value a property has when the tests run, not
 * when the pom was read, so that a plugin earlier in the build (JaCoCo's {@code prepare-agent}) can set it.
 */
public final class LateProperties {
    private static final Pattern REFERENCE = Pattern.compile("@\\{([^}]+)}");

    private LateProperties() {}

    /**
     * Replaces every {@code @{name}} in {@code text} by the property's value.
     *
     * @param properties the build's user properties over the project's, read at execution time
     * @throws IllegalArgumentException naming the first reference no property defines: left as is, the JVM would fail
     *     to start with a message that says nothing of argLine
     */
    public static String replace(String text, Properties properties) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = properties.getProperty(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("argLine refers to @{" + m.group(1)
                        + "}, which no property defines: define the property (an empty one will do, as when"
                        + " JaCoCo is skipped) or remove the reference from argLine");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
