package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchPolicyTest {

    @Test
    void shrinksBatchesAsTheQueueDrainsDownToOne() {
        Deque<String> queue = queue(200);
        List<Integer> sizes = new ArrayList<>();
        while (!queue.isEmpty()) {
            sizes.add(take(queue, Map.of(), 4).size());
        }

        for (int i = 1; i < sizes.size(); i++) {
            assertTrue(sizes.get(i) <= sizes.get(i - 1), "grew after shrinking: " + sizes);
        }
        assertTrue(sizes.get(0) >= 10, "the first batch is not large: " + sizes);
        assertEquals(1, sizes.get(sizes.size() - 1));
        assertEquals(200, sizes.stream().mapToInt(Integer::intValue).sum(), "every class exactly once");
    }

    @Test
    void warmsAColdJvmWithTheMedianClassNotTheLongestNorASkippedOne() {
        Map<String, Double> candidates =
                Map.of("Skipped", 0.0, "Visit", 0.6, "Vet", 0.9, "Pet", 1.4, "Owner", 3.1, "Integration", 10.4);

        assertEquals("Vet", BatchPolicy.warmUp(candidates), "the lower median of six");
        assertEquals("Light", BatchPolicy.warmUp(Map.of("Light", 1.0, "Heavy", 9.0)));
    }

    @Test
    void leavesQueueOrderWhenNoClassIsLongerThanTheMedian() {
        assertNull(BatchPolicy.warmUp(Map.of("A1", 10.0, "A2", 10.0, "B1", 10.0)), "equal estimates");
        assertNull(BatchPolicy.warmUp(Map.of("Only", 10.0)));
        assertNull(BatchPolicy.warmUp(Map.of()));
    }

    @Test
    void givesSmallerBatchesToMoreNodes() {
        assertTrue(take(queue(100), Map.of(), 10).size()
                < take(queue(100), Map.of(), 2).size());
    }

    @Test
    void sizesByTimeNotCount() {
        Deque<String> queue = new ArrayDeque<>(List.of("long", "a", "b", "c", "d"));
        Map<String, Double> estimates = Map.of("long", 60.0, "a", 1.0, "b", 1.0, "c", 1.0, "d", 1.0);

        assertEquals(List.of("long"), take(queue, estimates, 2), "a long class is a batch of its own");
        assertEquals(List.of("a", "b", "c"), take(queue, estimates, 1), "three quarters of 4 s");
    }

    @Test
    void isNeverEmptyNorTakesMoreThanIsQueued() {
        Deque<String> one = queue(1);
        assertEquals(List.of("C0"), take(one, Map.of("C0", 1_000.0), 50));
        assertTrue(one.isEmpty());
        assertEquals(3, take(queue(4), Map.of(), 1).size(), "three quarters of a lone node's share");
    }

    /**
     * Four nodes over 200 classes with heavy-tailed durations (log-normal, seeded), ordered longest first as the run
     * orders them: the last node finishes within 5 % of the best any schedule could do.
     */
    @Test
    void nodesFinishTogetherWithTimingHistory() {
        Map<String, Double> seconds = logNormal(42, 200, 30);

        Schedule schedule = simulate(seconds, new double[] {0, 0, 0, 0}, 0);

        assertTrue(schedule.makespan() / bound(seconds, 4) <= 1.05, schedule + " vs bound " + bound(seconds, 4));
    }

    /**
     * The benchmark's four nodes 100 ms away, joining over 1.2 s: the share counts what the others still run, so
     * batches are larger and round trips fewer than guided self-scheduling's (which took 58 here), and the nodes still
     * finish together.
     */
    @Test
    void nodesFarAwayTakeFewRoundTrips() {
        Map<String, Double> seconds = logNormal(42, 200, 120);

        Schedule schedule = simulate(seconds, new double[] {0, 0.3, 0.74, 1.16}, 0.1);

        assertTrue(schedule.batches() <= 35, schedule.toString());
        assertTrue(schedule.makespan() / bound(seconds, 4) <= 1.08, schedule + " vs bound " + bound(seconds, 4));
    }

    @Test
    void takesMoreWhileTheOthersHaveMuchLeftToRun() {
        Map<String, Double> estimates = new HashMap<>();
        queue(100).forEach(key -> estimates.put(key, 1.0));

        int alone = BatchPolicy.take(queue(100), estimates, 100, 0, 4, Double.MAX_VALUE)
                .size();
        int othersBusy = BatchPolicy.take(queue(100), estimates, 100, 60, 4, Double.MAX_VALUE)
                .size();

        assertEquals(19, alone, "three quarters of a quarter of 100 s");
        assertEquals(30, othersBusy, "three quarters of a quarter of 160 s");
    }

    @Test
    void capsABatchByHowLongTheRunHasLasted() {
        Map<String, Double> estimates = new HashMap<>();
        Deque<String> queue = queue(200);
        queue.forEach(key -> estimates.put(key, 1.0));

        assertEquals(
                2,
                BatchPolicy.take(queue, estimates, 200, 0, 1, BatchPolicy.cap(0, 0))
                        .size(),
                "a young run: 2 s");
        assertEquals(
                30,
                BatchPolicy.take(queue, estimates, 198, 0, 1, BatchPolicy.cap(30, 0))
                        .size());
        assertEquals(
                Math.ceil(168 * BatchPolicy.SHARE),
                BatchPolicy.take(queue, estimates, 168, 0, 1, BatchPolicy.cap(500, 0))
                        .size(),
                "an old run: the share alone");
    }

    /**
     * Four nodes joining over 3 s, as separate machines do, the first deq-ing at once: the first node must not take
     * most of the suite before the others arrive (without the cap it takes three quarters, and the run lasts three
     * times the bound).
     */
    @Test
    void nodesJoiningLateStillFinishTogether() {
        Map<String, Double> seconds = logNormal(7, 200, 120);

        Schedule schedule = simulate(seconds, new double[] {0, 0.7, 2.7, 2.9}, 0);

        assertTrue(schedule.makespan() / bound(seconds, 4) <= 1.10, schedule + " vs bound " + bound(seconds, 4));
    }

    /**
     * A first run: no history, so every class is estimated at 1 s while each takes 10 ms, on one node 100 ms away.
     * Batches still grow fast, with the work done: a cap by the run's age alone would hand out a few classes per
     * round trip for seconds.
     */
    @Test
    void batchesGrowWithTheWorkDoneWhenEstimatesAreFarOff() {
        Deque<String> queue = queue(1000);
        Map<String, Double> estimates = new HashMap<>();
        queue.forEach(key -> estimates.put(key, Timings.NO_HISTORY));
        double now = 0;
        double done = 0;
        int batches = 0;
        while (!queue.isEmpty()) {
            double remaining = queue.size() * Timings.NO_HISTORY;
            List<String> batch = BatchPolicy.take(queue, estimates, remaining, 0, 1, BatchPolicy.cap(now, done));
            now += 0.1 + batch.size() * 0.01;
            done += batch.size() * Timings.NO_HISTORY;
            batches++;
        }

        assertTrue(batches <= 20, batches + " round trips for 1000 classes of 10 ms");
        assertTrue(now <= 12, "took " + now + " s for 10 s of tests");
    }

    /** How a simulated run went: when the last result arrived, and how many batches were handed out. */
    private record Schedule(double makespan, int batches) {}

    /**
     * A run as the server sees it, with exact estimates: each node asks when it joins and then whenever its batch is
     * done, {@code roundTrip} seconds pass between a node asking and starting its batch, and the server sizes each batch
     * by the nodes joined, the queue's age, the work done and what the others still run.
     */
    private static Schedule simulate(Map<String, Double> seconds, double[] joins, double roundTrip) {
        Deque<String> queue = new ArrayDeque<>();
        seconds.keySet().stream()
                .sorted(Comparator.comparingDouble(seconds::get).reversed())
                .forEach(queue::add);
        PriorityQueue<double[]> asks = new PriorityQueue<>(Comparator.comparingDouble((double[] a) -> a[0]));
        for (int node = 0; node < joins.length; node++) {
            asks.add(new double[] {joins[node] + roundTrip / 2, node, 0});
        }
        double[] busyUntil = new double[joins.length];
        double done = 0;
        double end = 0;
        int batches = 0;
        while (!asks.isEmpty()) {
            double[] ask = asks.poll();
            double now = ask[0];
            int node = (int) ask[1];
            done += ask[2];
            end = Math.max(end, now);
            busyUntil[node] = now;
            if (queue.isEmpty()) {
                continue;
            }
            int joined = (int)
                    Arrays.stream(joins).filter(j -> j + roundTrip / 2 <= now).count();
            double queued = queue.stream().mapToDouble(seconds::get).sum();
            double running =
                    Arrays.stream(busyUntil).map(b -> Math.max(0, b - now)).sum();
            double busy = BatchPolicy.take(queue, seconds, queued, running, joined, BatchPolicy.cap(now, done)).stream()
                    .mapToDouble(seconds::get)
                    .sum();
            busyUntil[node] = now + roundTrip / 2 + busy;
            batches++;
            asks.add(new double[] {now + roundTrip + busy, node, busy});
        }
        return new Schedule(end, batches);
    }

    /** {@code classes} log-normal durations (seeded) that sum to {@code total} seconds. */
    private static Map<String, Double> logNormal(long seed, int classes, double total) {
        Random random = new Random(seed);
        Map<String, Double> seconds = new HashMap<>();
        for (int i = 0; i < classes; i++) {
            seconds.put("C" + i, Math.exp(random.nextGaussian()));
        }
        double scale = total
                / seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        seconds.replaceAll((key, s) -> s * scale);
        return seconds;
    }

    /** The least makespan any schedule could have on {@code nodes} nodes. */
    private static double bound(Map<String, Double> seconds, int nodes) {
        double total =
                seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        double longest =
                seconds.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return Math.max(longest, total / nodes);
    }

    private static List<String> take(Deque<String> queue, Map<String, Double> estimates, int nodes) {
        double remaining = queue.stream()
                .mapToDouble(key -> estimates.getOrDefault(key, Timings.NO_HISTORY))
                .sum();
        return BatchPolicy.take(queue, estimates, remaining, 0, nodes, Double.MAX_VALUE);
    }

    private static Deque<String> queue(int classes) {
        Deque<String> queue = new ArrayDeque<>();
        for (int i = 0; i < classes; i++) {
            queue.add("C" + i);
        }
        return queue;
    }
}
