package ci.fast.maven.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A text resource of the plugin's own jar, such as a page's style or script. */
public final class JarText {
    private JarText() {}

    /**
     * The UTF-8 text of resource {@code name} beside class {@code beside}.
     *
     * @throws IllegalStateException when the jar lacks it: a broken build, not a user's error
     */
    public static String read(Class<?> beside, String name) {
        try (InputStream in = beside.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the plugin's jar lacks " + name + " beside " + beside.getSimpleName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the plugin's jar", e);
        }
    }
}
