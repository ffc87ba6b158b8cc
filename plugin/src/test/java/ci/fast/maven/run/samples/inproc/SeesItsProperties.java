package ci.fast.maven.run.samples.inproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * InProcessRunTest's class that looks at what it runs with: the system properties the run sets, the tests' own
 * loader as the context loader, and output it prints. Not a test of this project.
 */
class SeesItsProperties {
    @Test
    void seesTheRunsSystemProperties() {
        assertEquals("during the run", System.getProperty("inproc.kept"));
        assertEquals("1", System.getProperty("inproc.fork"));
        assertNotNull(System.getProperty("basedir"));
        System.out.println("inproc: user.dir=" + System.getProperty("user.dir"));
        System.out.println("inproc: surefire.test.class.path=" + System.getProperty("surefire.test.class.path"));
    }

    @Test
    void runsOnItsOwnLoaderAsTheContextLoader() {
        ClassLoader own = getClass().getClassLoader();
        assertSame(own, Thread.currentThread().getContextClassLoader());
        System.out.println("inproc: loader=" + own.getName() + " parent="
                + own.getParent().getName() + " system=" + (own == ClassLoader.getSystemClassLoader()));
    }

    @Test
    void printsToBothStreams() {
        System.out.println("inproc: out of a test");
        System.err.println("inproc: err of a test");
        assertTrue(true);
    }
}
