package ci.fast.maven.server.dashboard;

import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;

/**
 * Who may see which runs on the dashboard. A server of one key shows every run to whoever reaches its port; a server of
 * several projects' keys shows a viewer the runs of the project whose key they present, which are named inside the
 * server with the project ({@code test_orchestrator:alpha/junit-42}) and shown as its nodes know them.
 */
public interface Viewers {
    /** Every run, to everyone: a server of one key. */
    Viewers EVERYONE = request -> Optional.of(Viewer.ALL);

    /** What {@code request} may see; empty when it presented no key the server knows, which is then asked for. */
    Optional<Viewer> viewer(Request request);

    /** One viewer's sight of the server's runs, by the topics the server keeps them under. */
    interface Viewer {
        /** Every run, by its own topic. */
        Viewer ALL = new Viewer() {
            @Override
            public boolean sees(String topic) {
                return true;
            }

            @Override
            public String shown(String topic) {
                return topic;
            }

            @Override
            public String inner(String topic) {
                return topic;
            }
        };

        /** Whether the run of server topic {@code topic} is this viewer's. */
        boolean sees(String topic);

        /** The topic this viewer knows the run of server topic {@code topic} by. */
        String shown(String topic);

        /** The server topic of what this viewer calls {@code topic}. */
        String inner(String topic);
    }
}
