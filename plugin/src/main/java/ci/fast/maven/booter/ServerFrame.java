package ci.fast.maven.booter;

/**
 * The frame after the {@link ForkSettings} on a node's event socket when those left their {@code server} empty: the
 * orchestrator's base URL, sent once it is known. A local run's embedded server starts while the forks' JVMs do; the
 * settings go at once, so that a fork builds its loaders and warms up its launcher while the server is still starting,
 * and waits for this frame only when its node connects. Written and read by {@link SettingsCodec}.
 *
 * @param server the orchestrator's base URL
 */
public record ServerFrame(String server) {}
