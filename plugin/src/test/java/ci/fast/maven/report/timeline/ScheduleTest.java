package ci.fast.maven.report.timeline;

import static ci.fast.maven.report.timeline.Runs.at;
import static ci.fast.maven.report.timeline.Runs.crashed;
import static ci.fast.maven.report.timeline.Runs.failing;
import static ci.fast.maven.report.timeline.Runs.passing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ci.fast.maven.results.ClassRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void laysEachForksClassesOnItsLaneFromTheEarliestStart() {
        Schedule s = Schedule.of(
                List.of(passing(2, "b.BTest", 1.5, 4), passing(1, "a.ATest", 1, 3), passing(1, "c.CTest", 3, 4)),
                2,
                0,
                at(0),
                at(5));

        assertEquals(List.of(1, 2), s.lanes().stream().map(Lane::fork).toList());
        assertEquals(
                List.of("a.ATest", "c.CTest"),
                s.lanes().get(0).bars().stream().map(Bar::className).toList());
        assertEquals(0.5, s.lanes().get(1).bars().get(0).from(), 1e-9, "from the earliest class, not the run's start");
        assertEquals(5, s.wallSeconds(), 1e-9);
        assertEquals(3, s.makespanSeconds(), 1e-9);
        assertEquals(5.5, s.classSeconds(), 1e-9);
        assertEquals(0, s.lanes().get(0).idleSeconds(), 1e-9);
        assertEquals(0.5, s.lanes().get(1).idleSeconds(), 1e-9);
    }

    @Test
    void boundsTheMakespanByTheLongestClassOrTheTotalOverTheForks() {
        // One long class: no ordering beats it.
        Schedule longest =
                Schedule.of(List.of(passing(1, "a.ATest", 0, 6), passing(2, "b.BTest", 0, 1)), 2, 0, at(0), at(6));
        assertEquals(6, longest.boundSeconds(), 1e-9);
        assertEquals(1, longest.ratio(), 1e-9);

        // Four even classes badly shared: three on one fork, one on the other.
        Schedule shared = Schedule.of(
                List.of(
                        passing(1, "a.ATest", 0, 1),
                        passing(1, "b.BTest", 1, 2),
                        passing(1, "c.CTest", 2, 3),
                        passing(2, "d.DTest", 0, 1)),
                2,
                0,
                at(0),
                at(3));
        assertEquals(2, shared.boundSeconds(), 1e-9, "4 s of classes on 2 forks");
        assertEquals(1.5, shared.ratio(), 1e-9);
        assertEquals(2, shared.lanes().get(1).idleSeconds(), 1e-9);
    }

    @Test
    void showsAPlannedForkThatRanNothingAndAReplacementForksLane() {
        Schedule s = Schedule.of(List.of(crashed(1, "a.ATest", 0, 2), passing(3, "b.BTest", 3, 4)), 2, 0, at(0), at(4));

        assertEquals(List.of(1, 2, 3), s.lanes().stream().map(Lane::fork).toList());
        assertEquals(4, s.lanes().get(1).idleSeconds(), 1e-9, "fork 2 idled the whole makespan");
        assertEquals(1, s.crashes());
        assertEquals(Outcome.CRASHED, s.lanes().get(0).bars().get(0).outcome());
    }

    @Test
    void keepsClassesNoForkRanOffTheLanesButCountsTheirTests() {
        ClassRun notRun = crashed(ClassRun.NO_FORK, "z.ZTest", 9, 9);
        Schedule s = Schedule.of(
                List.of(failing(1, "a.ATest", 0, 1, "expected: <2> but was: <3>"), notRun), 1, 0, at(0), at(9));

        assertEquals(List.of(notRun), s.unrun());
        assertEquals(1, s.lanes().size());
        assertEquals(1, s.makespanSeconds(), 1e-9, "a class that never ran does not stretch the schedule");
        assertEquals(0, s.crashes(), "no fork died in it");
        assertEquals(3, s.tests());
        assertEquals(2, s.problems());
    }

    @Test
    void countsALanesOverlappingClassesOnce() {
        Schedule s = Schedule.of(
                List.of(passing(1, "a.ATest", 0, 3), passing(1, "b.BTest", 1, 2), passing(1, "c.CTest", 2.5, 4)),
                1,
                0,
                at(0),
                at(5));

        assertEquals(4, s.lanes().get(0).busySeconds(), 1e-9);
        assertEquals(0, s.lanes().get(0).idleSeconds(), 1e-9);
    }

    @Test
    void anEmptyRunIsAScheduleOfNoTime() {
        Schedule s = Schedule.of(List.of(), 2, 0, at(0), at(1));

        assertEquals(2, s.lanes().size());
        assertEquals(0, s.makespanSeconds());
        assertEquals(1, s.ratio());
        assertThrows(IllegalArgumentException.class, () -> Schedule.of(List.of(), 0, 0, at(0), at(1)));
    }
}
