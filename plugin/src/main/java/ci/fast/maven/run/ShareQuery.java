package ci.fast.maven.run;

import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.ServerAddress;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks our server what a retried CI node ran in its earlier attempt: a join to {@code fast_ci_share:<lineage>}, whose
 * reply is the answer (PROTOCOL.md section 5). Never sent to a server that did not say it is ours.
 */
final class ShareQuery {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ShareQuery() {}

    /**
     * What the node ran, as the server recorded it.
     *
     * @param attempt the earlier attempt's build id
     * @param classes every class handed to it there
     * @param failed those of them that failed there
     * @param machines how many machines called themselves this node there
     */
    record Share(String attempt, List<String> classes, List<String> failed, int machines) {}

    /**
     * The server's answer: the share, or why it has none.
     *
     * @param share null when the server keeps none
     * @param missing the server's reason, such as "it keeps no earlier attempt of node test/1"; null with a share
     */
    record Answer(Share share, String missing) {}

    /** @throws ChannelException when the server cannot be asked */
    static Answer ask(ServerAddress address, Retry retry, Scheduler scheduler)
            throws ChannelException, InterruptedException {
        JsonObject question = Json.PROVIDER
                .createObjectBuilder()
                .add("node", retry.ciNode().get(Retry.NODE))
                .add("attempt", retry.ciNode().get(Retry.ATTEMPT))
                .build();
        String topic = Events.SHARE_TOPIC_PREFIX + retry.ciNode().get(Retry.LINEAGE);
        try (PhoenixClient client =
                PhoenixClient.connect(address, TIMEOUT, scheduler, new PhoenixClient.Listener() {})) {
            Frame reply = client.push(topic, Events.JOIN, question).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            JsonObject response = reply.replyResponse();
            if (!Events.STATUS_OK.equals(reply.replyStatus())) {
                return new Answer(null, response.getString("reason", "it keeps no earlier attempt of this node"));
            }
            return new Answer(
                    new Share(
                            response.getString("attempt", "?"),
                            strings(response.get("tests")),
                            strings(response.get("failed")),
                            response.getInt("machines", 1)),
                    null);
        } catch (TimeoutException e) {
            throw new ChannelException(address + " did not answer which classes this node ran before within "
                    + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new ChannelException(address + " could not be asked which classes this node ran before: "
                    + e.getCause().getMessage());
        }
    }

    private static List<String> strings(JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        }
        return out;
    }
}
