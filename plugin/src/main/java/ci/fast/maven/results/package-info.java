/**
 * What happens to a class's result once a fork has it: the {@link ci.fast.maven.results.ResultListener} events, the
 * stamped {@link ci.fast.maven.results.ClassRun} they carry, and the listeners that write the reports, count the
 * summary and keep the classes' times. Each new output of a run (a timeline, a Failsafe summary, a CI summary) is one
 * more listener here.
 *
 * <p>Runs in the Maven JVM and depends on the JDK, {@link ci.fast.maven.report} and, for the progress line's ticks,
 * {@link ci.fast.maven.channel.Scheduler} only.
 */
package ci.fast.maven.results;
