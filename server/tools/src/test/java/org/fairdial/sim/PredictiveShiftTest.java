package org.fairdial.sim;

import org.fairdial.testkit.Repository;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A short shift with the real predictive pacer: it must beat progressive and keep every window under its cap. */
class PredictiveShiftTest {

    @Test
    void oneHourSmallTeamStaysUnderTheCap() {
        Workload w = WorkloadReader.read(Repository.file("config/workloads/reference.conf")).withAgents(4);
        Workload hour = new Workload(w.name(), w.profile(), w.abandonCap(), w.zone(), w.start(), 3600, 4,
                w.answerProbability(), w.busyShare(), w.invalidShare(), w.timeToAnswer(), w.ringTimeout(),
                w.busyTime(), w.invalidTime(), w.talk(), w.wrapUp(), w.steps());
        ShiftSimulator progressiveSim = new ShiftSimulator(hour, 11);
        ShiftResult progressive = progressiveSim.run(SimPacer.PROGRESSIVE.create(progressiveSim.context()));
        ShiftSimulator predictiveSim = new ShiftSimulator(hour, 11);
        ShiftResult predictive = predictiveSim.run(SimPacer.PREDICTIVE.create(predictiveSim.context()));
        assertFalse(predictive.overCap(), predictive.toString());
        assertTrue(predictive.talkOccupancy() > progressive.talkOccupancy(),
                predictive.talkOccupancy() + " vs progressive " + progressive.talkOccupancy());
    }
}
