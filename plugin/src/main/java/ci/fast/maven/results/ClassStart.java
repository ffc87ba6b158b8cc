package ci.fast.maven.results;

import java.time.Instant;
import java.util.Objects;

/**
 * A fork started a top-level test class.
 *
 * @param fork the fork's number, from 1; a replacement fork has a number of its own
 * @param className the class, as its reports name it
 * @param at when the fork's word that it starts the class arrived, by the sink's clock
 */
public record ClassStart(int fork, String className, Instant at) {
    public ClassStart {
        Objects.requireNonNull(className, "ClassStart.className must not be null");
        Objects.requireNonNull(at, "ClassStart.at must not be null");
    }
}
