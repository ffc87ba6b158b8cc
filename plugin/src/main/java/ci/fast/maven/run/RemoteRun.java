package ci.fast.maven.run;

import ci.fast.maven.booter.SplitKey;
import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.server.Timings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final Retry retry;
    private final RunLog log;
    private final Backoff probeBackoff;
    private final Scheduler scheduler;
    /**
     * The timing history a node splits classes by ({@code fastCi.splitClasses}) when it builds the queue, and adds the
     * times of what it ran to; null when classes are not split.
     */
    private Path splitHistory;

    /**
     * @param params the connect parameters, with build_id and run_key (the secret is added on the wire only)
     * @param retry which CI node this machine is, and what it reruns when the CI says this is a retry
     */
    public RemoteRun(
            RunPlan plan,
            URI server,
            Secret secret,
            Map<String, String> params,
            Fallback fallback,
            Retry retry,
            RunLog log) {
        this(
                plan,
                server,
                secret,
                params,
                fallback,
                retry,
                log,
                ServerProbe.AT_START,
                Scheduler.daemon("fast-ci-probe"));
    }

    RemoteRun(
            RunPlan plan,
            URI server,
            Secret secret,
            Map<String, String> params,
            Fallback fallback,
            Retry retry,
            RunLog log,
            Backoff probeBackoff,
            Scheduler scheduler) {
        this.plan = plan;
        this.server = server;
        this.secret = secret;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.fallback = fallback;
        this.retry = retry;
        this.log = InMavenJvmLog.of(plan, log);
        this.probeBackoff = probeBackoff;
        this.scheduler = scheduler;
    }

    /**
     * This run, splitting the classes longer than their fair share into parts by the history in {@code timingsFile}
     * (its methods' times, of the classes this machine ran whole before); the share is the suite's estimate over the
     * forks this machine knows of: its own, times the CI's node total ({@code FAST_CI_NODE_TOTAL} and the like) when it
     * is known. The run adds the times of what it ran to the file.
     */
    public RemoteRun splittingBy(Path timingsFile) {
        this.splitHistory = timingsFile;
        return this;
    }

    /** @throws IOException with the one line a user sees when the server refuses, or is out of reach and no fallback */
    public RunOutcome execute() throws IOException, InterruptedException {
        boolean ours;
        String dashboard;
        try {
            ServerProbe.Reached reached =
                    ServerProbe.reach(new ServerAddress(server, secret, params), probeBackoff, scheduler);
            ours = reached.ours();
            dashboard = reached.dashboard();
        } catch (ChannelException e) {
            scheduler.close();
            String refusal = e.isTransient() ? fallback.refusal() : "";
            if (refusal != null) {
                throw new IOException(e.getMessage() + (refusal.isEmpty() ? "" : "; " + refusal));
            }
            return runLocally(e.getMessage());
        }
        Rerun rerun = retry.retryAttempt() ? rerun(ours) : null;
        // The probe's scheduler is done: a build of many modules must not gather one thread per module.
        scheduler.close();
        RunPlan toRun = rerun == null ? plan : plan.withClasses(rerun.classes());
        Map<String, String> joining = rerun == null ? params : rerun.params();
        if (rerun != null && rerun.classes().isEmpty()) {
            return new RunOutcome(new RunSummary(), List.of());
        }
        String topic = Events.topic(joining.get("run_key"), joining.get("build_id"));
        URI page = dashboard == null || !ours ? null : runPage(server, dashboard, topic);
        // Our server keeps each class's report for fast-ci:report's merged set; the cloud keeps none.
        ReportUploads uploads = ours && toRun.reports().xmlReports() ? new ReportUploads(toRun.reports()) : null;
        ResultSink sink = Reporting.sink(toRun, log, page, uploads == null ? List.of() : List.of(uploads));
        log.info("FastCI: " + toRun.forkCount() + (toRun.forkCount() == 1 ? " node" : " nodes") + " joining " + topic
                + " on " + server + (page == null ? "" : "; the whole run, every node: " + page));
        // Only a node that enqueues uses the keys, and only the parts' keys reach the server: it never reads them.
        Timings timings = splitHistory == null ? null : Timings.load(splitHistory, log::warn);
        RunPlan queued = toRun;
        if (timings != null && rerun == null) {
            // The run's forks as far as this machine knows them: its own, times the CI's nodes when it says how many.
            int forks = toRun.forkCount() * (fallback.nodeTotal() == null ? 1 : Math.max(1, fallback.nodeTotal()));
            ClassSplit split = ClassSplit.of(toRun.classes(), timings, forks);
            queued = split.splitsAny() ? toRun.withClasses(split.keys()) : toRun;
        }
        try {
            List<String> problems = Fleet.run(queued, () -> server, secret, joining, retry.ciNode(), sink, log, null);
            sink.runFinished();
            if (uploads != null) {
                upload(topic, uploads);
            }
            if (timings != null) {
                timings.recordAll(sink.durations());
                timings.recordMethods(sink.methods());
                save(timings);
            }
            return new RunOutcome(sink.summary(), problems);
        } finally {
            sink.endIfRunning();
        }
    }

    /** Hands this machine's reports to the server; a failure is a warning: the run's own reports are complete. */
    private void upload(String topic, ReportUploads uploads) throws InterruptedException {
        try {
            int kept = new ReportExchange(server, secret).upload(topic, uploads.reports());
            log.info("FastCI: " + server + " keeps " + kept + " of this machine's "
                    + uploads.reports().size() + " reports for fast-ci:report");
        } catch (IOException e) {
            log.warn("FastCI: " + e.getMessage() + "; fast-ci:report will miss this machine's reports");
        }
    }

    /**
     * The page of {@code topic} on the dashboard of our server at {@code server}: the same host and port over HTTP
     * (HTTPS for {@code wss}), at {@code dashboard} plus the percent-encoded topic; null when that makes no address.
     */
    static URI runPage(URI server, String dashboard, String topic) {
        String scheme = "wss".equalsIgnoreCase(server.getScheme()) ? "https" : "http";
        try {
            return URI.create(scheme + "://" + server.getRawAuthority() + dashboard
                    + URLEncoder.encode(topic, StandardCharsets.UTF_8).replace("+", "%20"));
        } catch (IllegalArgumentException e) {
            return null; // a path the server named that makes no address: no link, the run goes on
        }
    }

    private void save(Timings timings) {
        try {
            timings.save();
        } catch (IOException e) {
            log.warn("fast-ci cannot save the timings to " + splitHistory + ": " + e.getMessage()
                    + "; the next run splits classes without them");
        }
    }

    /**
     * What a retried CI node reruns, said in one line: the classes its CI node ran in the attempt before (or those of
     * them that failed there), on a topic of its own, so that each retried node of one attempt reruns its own; null,
     * said in one line too, where that cannot be known, and the node runs as a new run.
     */
    private Rerun rerun(boolean ours) throws InterruptedException {
        String retrying = "FastCI retry (fastCi.retry=" + retry.mode() + "): ";
        String asNew = "; running as a new run, every class shared with the other nodes of this attempt";
        if (retry.unknown() != null) {
            log.info(retrying + "cannot know what this node ran before: " + retry.unknown() + asNew);
            return null;
        }
        if (!ours) {
            log.info(retrying + server + " is not our own server (fast-ci:serve), the only one that keeps what each"
                    + " node ran" + asNew);
            return null;
        }
        String node = retry.ciNode().get(Retry.NODE);
        ShareQuery.Answer answer;
        try {
            answer = ShareQuery.ask(new ServerAddress(server, secret, params), retry, scheduler);
        } catch (ChannelException e) {
            log.info(retrying + e.getMessage() + asNew);
            return null;
        }
        ShareQuery.Share share = answer.share();
        if (share == null) {
            log.info(retrying + server + " " + answer.missing() + asNew);
            return null;
        }
        if (share.machines() > 1) {
            log.info(retrying + share.machines() + " machines called themselves node " + node + " in build "
                    + share.attempt() + ", so none knows its own classes (set FAST_CI_NODE_INDEX and"
                    + " FAST_CI_NODE_TOTAL, or FAST_CI_NODE_ID, per copy of the job)" + asNew);
            return null;
        }
        Set<String> found = new HashSet<>(plan.classes());
        List<String> wanted = retry.failedOnly() ? share.failed() : share.classes();
        // A class the earlier attempt ran that this build no longer finds (another selection) cannot run again.
        List<String> classes = wanted.stream()
                .filter(key -> found.contains(SplitKey.className(key))) // a part of a class, too
                .toList();
        int gone = wanted.size() - classes.size();
        log.info(retrying + "node " + node + " reruns "
                + (retry.failedOnly()
                        ? "the " + classes.size() + " of its " + share.classes().size() + " classes that failed"
                        : "the " + classes.size() + " classes it ran")
                + " in build " + share.attempt()
                + (gone > 0 ? " (" + gone + " more " + (gone == 1 ? "is" : "are") + " not found in this build)" : "")
                + (classes.isEmpty() ? ": nothing to run" : ""));
        Map<String, String> own = new LinkedHashMap<>(params);
        own.put("build_id", params.get("build_id") + "-" + node);
        return new Rerun(classes, own);
    }

    /** A retried node's classes, and the connect parameters of the run of its own they run in. */
    private record Rerun(List<String> classes, Map<String, String> params) {}

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
