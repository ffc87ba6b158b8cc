package ci.fast.maven.server.dashboard;

import ci.fast.maven.channel.Events;
import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;

/**
 * Who may see which runs on the dashboard. A server of one key shows every run to whoever reaches its port; a server of
 * several projects' keys shows a viewer the runs of the project whose key they present, whose topics are named inside
 * the server with the project ({@code test_orchestrator:alpha/junit-42}) and shown as its nodes know them.
 */
public interface Viewers {
    /** Every run, to everyone: a server of one key. */
    Viewers EVERYONE = request -> Optional.of("");

    /**
     * The project whose runs {@code request} may see: {@code ""} for every run; empty when it presented no key that
     * the server knows, which is asked for.
     */
    Optional<String> project(Request request);

    /** Whether the run of server topic {@code topic} is {@code project}'s. */
    static boolean sees(String project, String topic) {
        return project.isEmpty() || topic.startsWith(Events.TOPIC_PREFIX + project + "/");
    }

    /** The topic a viewer of {@code project} knows the run of server topic {@code topic} by. */
    static String shown(String project, String topic) {
        return project.isEmpty()
                ? topic
                : Events.TOPIC_PREFIX + topic.substring((Events.TOPIC_PREFIX + project + "/").length());
    }

    /** The server topic of what a viewer of {@code project} calls {@code topic}. */
    static String inner(String project, String topic) {
        return project.isEmpty() || !topic.startsWith(Events.TOPIC_PREFIX)
                ? topic
                : Events.TOPIC_PREFIX + project + "/" + topic.substring(Events.TOPIC_PREFIX.length());
    }
}
