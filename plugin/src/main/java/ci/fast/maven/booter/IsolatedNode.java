package ci.fast.maven.booter;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts the node's networking (the plugin's WebSocket client, Parsson, the JSON API) in a class loader whose parent is the platform
 * loader, so that none of it is visible to the tests, and none of the tests' libraries to it. The two sides talk
 * through JDK types only.
 */
final class IsolatedNode {
    /** The entry point inside the isolated loader. */
    static final String ENTRY = "ci.fast.maven.orchestration.NodeEntry";

    private IsolatedNode() {}

    /**
     * Runs the node to its end.
     *
     * @return null on success, {@link NodeBridge#RUN_FINISHED}, or the one line saying why the node failed
     */
    @SuppressWarnings("unchecked")
    static String run(List<Path> classPath, Map<String, Object> input) throws ReflectiveOperationException {
        URL[] urls = classPath.stream().map(IsolatedNode::url).toArray(URL[]::new);
        ClassLoader isolated = new URLClassLoader("fast-ci-node", urls, ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // The node's code sees its own loader as the context loader; the test callbacks switch it back for the tests.
        thread.setContextClassLoader(isolated);
        try {
            Function<Map<String, Object>, String> entry = (Function<Map<String, Object>, String>)
                    isolated.loadClass(ENTRY).getDeclaredConstructor().newInstance();
            return entry.apply(input);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
