/**
 * The server's dashboard: {@link ci.fast.maven.server.dashboard.Board} follows the runs as a run listener, and
 * {@link ci.fast.maven.server.dashboard.StoreFeed} adds what a durable store keeps (the runs before a restart, what
 * other replicas' nodes did); {@link ci.fast.maven.server.dashboard.DashboardPages} renders it as plain HTML pages
 * served on the server's own port, with nothing fetched from elsewhere.
 */
package ci.fast.maven.server.dashboard;
