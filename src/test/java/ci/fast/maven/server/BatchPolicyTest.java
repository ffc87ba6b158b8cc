package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void givesSmallerBatchesToMoreNodes() {
        assertTrue(take(queue(100), Map.of(), 10).size()
                < take(queue(100), Map.of(), 2).size());
    }

    @Test
    void sizesByTimeNotCount() {
        Deque<String> queue = new ArrayDeque<>(List.of("long", "a", "b", "c", "d"));
        Map<String, Double> estimates = Map.of("long", 60.0, "a", 1.0, "b", 1.0, "c", 1.0, "d", 1.0);

        assertEquals(List.of("long"), take(queue, estimates, 2), "a long class is a batch of its own");
        assertEquals(List.of("a", "b"), take(queue, estimates, 1));
    }

    @Test
    void isNeverEmptyNorTakesMoreThanIsQueued() {
        Deque<String> one = queue(1);
        assertEquals(List.of("C0"), take(one, Map.of("C0", 1_000.0), 50));
        assertTrue(one.isEmpty());
        assertEquals(2, take(queue(3), Map.of(), 1).size(), "half of 3 rounds up");
    }

    /**
     * Four nodes over 200 classes with heavy-tailed durations (log-normal, seeded), ordered longest first as the run
     * orders them: the last node finishes within 5 % of the best any schedule could do.
     */
    @Test
    void nodesFinishTogetherWithTimingHistory() {
        Random random = new Random(42);
        Map<String, Double> seconds = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            seconds.put("C" + i, Math.exp(random.nextGaussian() * 1.0 - 0.5));
        }
        Deque<String> queue = new ArrayDeque<>();
        seconds.keySet().stream()
                .sorted(Comparator.comparingDouble(seconds::get).reversed())
                .forEach(queue::add);

        double makespan = simulate(queue, seconds, 4);

        double total =
                seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        double longest =
                seconds.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double bound = Math.max(longest, total / 4);
        assertTrue(makespan / bound <= 1.05, "makespan " + makespan + " vs bound " + bound);
    }

    @Test
    void capsABatchByHowLongTheRunHasLasted() {
        Map<String, Double> estimates = new HashMap<>();
        Deque<String> queue = queue(200);
        queue.forEach(key -> estimates.put(key, 1.0));

        assertEquals(
                2,
                BatchPolicy.take(queue, estimates, 200, 1, BatchPolicy.cap(0, 0))
                        .size(),
                "a young run: 2 s");
        assertEquals(
                30,
                BatchPolicy.take(queue, estimates, 198, 1, BatchPolicy.cap(30, 0))
                        .size());
        assertEquals(
                Math.ceil(168 / 2.0),
                BatchPolicy.take(queue, estimates, 168, 1, BatchPolicy.cap(500, 0))
                        .size(),
                "an old run: the share alone");
    }

    /**
     * Four nodes joining over 3 s, as separate machines do, the first deq-ing at once: the first node must not take
     * half the suite before the others arrive (without the cap it does, and the run lasts twice the bound).
     */
    @Test
    void nodesJoiningLateStillFinishTogether() {
        Random random = new Random(7);
        Map<String, Double> seconds = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            seconds.put("C" + i, Math.exp(random.nextGaussian()));
        }
        double scale =
                120 / seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        seconds.replaceAll((key, s) -> s * scale);
        Deque<String> queue = new ArrayDeque<>();
        seconds.keySet().stream()
                .sorted(Comparator.comparingDouble(seconds::get).reversed())
                .forEach(queue::add);
        double[] joins = {0, 0.7, 2.7, 2.9};

        // Each node, when free, takes the next batch sized for the nodes joined by then and the queue's age.
        PriorityQueue<double[]> free = new PriorityQueue<>(Comparator.comparingDouble((double[] n) -> n[0]));
        for (double join : joins) {
            free.add(new double[] {join});
        }
        double end = 0;
        List<double[]> batches = new ArrayList<>(); // end time, seconds: what is done by a time
        while (!queue.isEmpty()) {
            double[] node = free.poll();
            double now = node[0];
            int joined = (int) Arrays.stream(joins).filter(j -> j <= now).count();
            double remaining = queue.stream().mapToDouble(seconds::get).sum();
            double done = batches.stream()
                    .filter(b -> b[0] <= now)
                    .mapToDouble(b -> b[1])
                    .sum();
            double busy = BatchPolicy.take(queue, seconds, remaining, joined, BatchPolicy.cap(now, done)).stream()
                    .mapToDouble(seconds::get)
                    .sum();
            node[0] = now + busy;
            batches.add(new double[] {now + busy, busy});
            free.add(node);
            end = Math.max(end, now + busy);
        }

        double longest =
                seconds.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double bound = Math.max(longest, 120 / 4.0);
        assertTrue(end / bound <= 1.10, "makespan " + end + " vs bound " + bound);
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
            List<String> batch = BatchPolicy.take(queue, estimates, remaining, 1, BatchPolicy.cap(now, done));
            now += 0.1 + batch.size() * 0.01;
            done += batch.size() * Timings.NO_HISTORY;
            batches++;
        }

        assertTrue(batches <= 20, batches + " round trips for 1000 classes of 10 ms");
        assertTrue(now <= 12, "took " + now + " s for 10 s of tests");
    }

    /** Each node, when free, takes the next batch and is busy for its classes' sum; returns when the last ends. */
    private static double simulate(Deque<String> queue, Map<String, Double> seconds, int nodes) {
        PriorityQueue<Double> freeAt = new PriorityQueue<>();
        for (int i = 0; i < nodes; i++) {
            freeAt.add(0.0);
        }
        double end = 0;
        while (!queue.isEmpty()) {
            double now = freeAt.poll();
            double busy = take(queue, seconds, nodes).stream()
                    .mapToDouble(seconds::get)
                    .sum();
            freeAt.add(now + busy);
            end = Math.max(end, now + busy);
        }
        return end;
    }

    private static List<String> take(Deque<String> queue, Map<String, Double> estimates, int nodes) {
        double remaining = queue.stream()
                .mapToDouble(key -> estimates.getOrDefault(key, Timings.NO_HISTORY))
                .sum();
        return BatchPolicy.take(queue, estimates, remaining, nodes, Double.MAX_VALUE);
    }

    private static Deque<String> queue(int classes) {
        Deque<String> queue = new ArrayDeque<>();
        for (int i = 0; i < classes; i++) {
            queue.add("C" + i);
        }
        return queue;
    }
}
