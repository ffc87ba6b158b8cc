package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Where a node of a remote run says the whole run's page is, on our server's dashboard. */
class RunPageLinkTest {
    @Test
    void isTheServersHostAndPortOverHttpWithTheTopicEncoded() {
        assertEquals(
                URI.create("http://ci-host:4000/runs/test_orchestrator%3Ajunit-42%2F1%20a"),
                RemoteRun.runPage(URI.create("ws://ci-host:4000"), "/runs/", "test_orchestrator:junit-42/1 a"));
        assertEquals(
                URI.create("https://[::1]:4443/runs/t"),
                RemoteRun.runPage(URI.create("wss://[::1]:4443/"), "/runs/", "t"),
                "wss is HTTPS; an IPv6 host keeps its brackets");
    }
}
