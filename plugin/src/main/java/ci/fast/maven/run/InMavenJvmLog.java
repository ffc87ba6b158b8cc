package ci.fast.maven.run;

import ci.fast.maven.fork.MavenWrites;

/**
 * A run's log while its node runs in Maven's JVM ({@code forkCount=0}): each line is marked as Maven's own
 * ({@link MavenWrites}), so that it reaches Maven's console while System.out and System.err capture the tests'.
 */
final class InMavenJvmLog implements RunLog {
    private final RunLog log;

    private InMavenJvmLog(RunLog log) {
        this.log = log;
    }

    /** {@code log} as it is for a plan whose nodes fork; marked when its node runs in Maven's JVM. */
    static RunLog of(RunPlan plan, RunLog log) {
        return plan.inProcess() == null || log instanceof InMavenJvmLog ? log : new InMavenJvmLog(log);
    }

    @Override
    public void info(String line) {
        MavenWrites.run(() -> log.info(line));
    }

    @Override
    public void warn(String line) {
        MavenWrites.run(() -> log.warn(line));
    }

    @Override
    public void error(String line) {
        MavenWrites.run(() -> log.error(line));
    }

    @Override
    public void debug(String line) {
        MavenWrites.run(() -> log.debug(line));
    }

    @Override
    public void output(String text, boolean stderr) {
        MavenWrites.run(() -> log.output(text, stderr));
    }
}
