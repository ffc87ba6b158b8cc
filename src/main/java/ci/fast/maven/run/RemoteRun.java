package ci.fast.maven.run;

import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.report.RunSummary;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run in remote mode: {@code forkCount} forks join a run on a FastCI server (the cloud, or {@code fast-ci:serve})
 * together with the other machines of the build; each reports only the classes it ran. When the server cannot be
 * reached at the start, the {@link Fallback} decides between a local run of this node's share and failing. Knows
 * nothing of Maven.
 */
public final class RemoteRun {
    private final RunPlan plan;
    private final URI server;
    private final Secret secret;
    private final Map<String, String> params;
    private final Fallback fallback;
    private final RunLog log;
    private final Backoff probeBackoff;
    private final Scheduler scheduler;

    /** @param params the connect parameters, with build_id and run_key (the secret is added on the wire only) */
    public RemoteRun(
            RunPlan plan, URI server, Secret secret, Map<String, String> params, Fallback fallback, RunLog log) {
        this(plan, server, secret, params, fallback, log, ServerProbe.AT_START, Scheduler.daemon("fast-ci-probe"));
    }

    RemoteRun(
            RunPlan plan,
            URI server,
            Secret secret,
            Map<String, String> params,
            Fallback fallback,
            RunLog log,
            Backoff probeBackoff,
            Scheduler scheduler) {
        this.plan = plan;
        this.server = server;
        this.secret = secret;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.fallback = fallback;
        this.log = log;
        this.probeBackoff = probeBackoff;
        this.scheduler = scheduler;
    }

    /** @throws IOException with the one line a user sees when the server refuses, or is out of reach and no fallback */
    public RunOutcome execute() throws IOException, InterruptedException {
        try {
            ServerProbe.reach(new ServerAddress(server, secret, params), probeBackoff, scheduler);
        } catch (ChannelException e) {
            scheduler.close();
            String refusal = e.isTransient() ? fallback.refusal() : "";
            if (refusal != null) {
                throw new IOException(e.getMessage() + (refusal.isEmpty() ? "" : "; " + refusal));
            }
            return runLocally(e.getMessage());
        }
        // The probe's scheduler is done: a build of many modules must not gather one thread per module.
        scheduler.close();
        ResultSink sink = Reporting.sink(plan, log);
        log.info("FastCI: " + plan.forkCount() + (plan.forkCount() == 1 ? " node" : " nodes") + " joining "
                + Events.topic(params.get("run_key"), params.get("build_id")) + " on " + server);
        try {
            List<String> problems = Fleet.run(plan, server, secret, params, sink, log, null);
            sink.runFinished();
            return new RunOutcome(sink.summary(), problems);
        } finally {
            sink.endIfRunning();
        }
    }

    private RunOutcome runLocally(String cause) throws IOException, InterruptedException {
        List<String> share = fallback.share(plan.classes());
        String rule = "*".repeat(72);
        log.warn(rule);
        log.warn("FastCI FALLBACK: " + cause);
        log.warn(
                "Running " + fallback.describeShare(share.size(), plan.classes().size())
                        + " locally, without the orchestrator. Set -DfastCi.fallback=false to fail instead.");
        log.warn(rule);
        if (share.isEmpty()) {
            log.warn("FastCI fallback: this node's share is empty; nothing to run");
            return new RunOutcome(new RunSummary(), List.of());
        }
        return new LocalRun(plan.withClasses(share), log).execute();
    }
}
