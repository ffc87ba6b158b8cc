package ci.fast.maven.booter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * The entry point of a node that runs in Maven's own JVM ({@code forkCount=0}, as Surefire's in-process run): the
 * fork's booter, loaded with the tests by the loader the Maven side built for them, called on a thread of its own.
 * It connects back to the Maven side on loopback and reads its settings as a fork does; only the secret key comes as
 * an argument, since this JVM's environment is Maven's. It never exits the JVM.
 *
 * <p>Called by reflection across the loader boundary, so its signature has JDK types only.
 */
public final class InProcessBooter {
    private InProcessBooter() {}

    /**
     * Runs the node to its end, its goodbye sent; the caller's thread must have the tests' loader as its context
     * loader, as a fork's main thread has the system loader.
     *
     * @param eventPort the Maven side's loopback port
     * @param secret the project's secret key
     * @param mavenWrites TRUE on a thread while Maven's side writes to System.out or System.err, which then reaches
     *     Maven's stream; every other write is the tests' output
     */
    public static void run(int eventPort, String secret, ThreadLocal<Boolean> mavenWrites) throws IOException {
        StartupTrace.mark("fork.main");
        // Closed whatever happens: the Maven side reads until the stream ends, and no process death would end it here.
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), eventPort)) {
            ForkedBooter.serve(socket, secret, mavenWrites);
        }
    }
}
