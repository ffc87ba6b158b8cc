package ci.fast.maven.run;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Secret;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run in remote mode: {@code forkCount} forks join a run on a FastCI server (the cloud, or {@code fast-ci:serve})
 * together with the other machines of the build; each reports only the classes it ran. Knows nothing of Maven.
 */
public final class RemoteRun {
    private final RunPlan plan;
    private final URI server;
    private final Secret secret;
    private final Map<String, String> params;
    private final RunLog log;

    /** @param params the connect parameters, with build_id and run_key (the secret is added on the wire only) */
    public RemoteRun(RunPlan plan, URI server, Secret secret, Map<String, String> params, RunLog log) {
        this.plan = plan;
        this.server = server;
        this.secret = secret;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.log = log;
    }

    public RunOutcome execute() throws IOException, InterruptedException {
        ResultSink sink = new ResultSink(plan.reportsDirectory(), plan.reports(), log);
        log.info("FastCI: " + plan.forkCount() + (plan.forkCount() == 1 ? " node" : " nodes") + " joining "
                + Events.topic(params.get("run_key"), params.get("build_id")) + " on " + server);
        List<String> problems = Fleet.run(plan, server, secret, params, sink, log);
        return new RunOutcome(sink.summary(), problems);
    }
}
