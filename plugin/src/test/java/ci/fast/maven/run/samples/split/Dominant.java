package ci.fast.maven.run.samples.split;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The class that dominates SplitClassesTest's suite; not a test of this project (Surefire's includes skip it). */
class Dominant {
    @Test
    void alpha() throws Exception {
        run("alpha");
    }

    @Test
    void bravo() throws Exception {
        run("bravo");
    }

    @Test
    void charlie() throws Exception {
        run("charlie");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void delta(int n) throws Exception {
        run("delta");
    }

    private static void run(String method) throws Exception {
        Ran.mark(method);
        Ran.awaitSecondJvm();
    }
}
