package org.fairdial.sim;

import org.fairdial.testkit.Repository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WorkloadReaderTest {
    private static final Path WORKLOADS = Repository.file("config/workloads");

    @Test
    void readsTheReferenceWorkload() {
        Workload w = WorkloadReader.read(WORKLOADS.resolve("reference.conf"));
        assertEquals("it-garante", w.profile());
        assertEquals(0.03, w.abandonCap());
        assertEquals(8 * 3600, w.shiftSeconds());
        assertEquals(0.30, w.answerProbability());
        assertEquals(Instant.parse("2024-03-04T08:00:00Z"), w.start());
        assertEquals(120, w.talk().mean(), 1e-9);
        assertEquals(10, w.wrapUp().mean(), 1e-9);
        assertEquals(120.0 / 130, w.clairvoyantBound(), 1e-9);
        assertEquals(List.of(), w.steps());
    }

    @Test
    void halvingWorkloadStepsAtFourHours() {
        Workload w = WorkloadReader.read(WORKLOADS.resolve("reference-answer-halves.conf"));
        assertEquals(List.of(new Workload.Step(4 * 3600, 0.15)), w.steps());
        assertEquals(0.30, w.answerProbabilityAt(4 * 3600 - 1));
        assertEquals(0.15, w.answerProbabilityAt(4 * 3600));
        assertEquals(120, w.talk().mean(), 1e-9);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        WorkloadException e = assertThrows(WorkloadException.class, () -> WorkloadReader.read(ConfigFactory.parseString(
                "workload { name = x, profile = nowhere, zone = Mars/Base, start = soon, shift = 1 hour, agents = 0,"
                        + " answer-probability = 0.9, busy-share = 0.2, invalid-share = 0,"
                        + " time-to-answer { type = gamma }, ring-timeout { type = fixed, value = 20 s },"
                        + " busy-time { type = fixed, value = 2 s }, invalid-time { type = fixed, value = 1 s },"
                        + " talk-time { type = fixed, value = 60 s }, wrap-up { type = fixed, value = 5 s } }")));
        String all = String.join("\n", e.problems());
        for (String key : List.of("profile", "zone", "start", "agents", "answer-probability", "time-to-answer")) {
            assertTrue(all.contains("workload." + key), key + " missing from:\n" + all);
        }
    }

    @Test
    void clippedLognormalMeanMatchesSampling() {
        Distribution.LogNormal d = Distribution.LogNormal.ofMedian(9, 0.5, 2, 30);
        SplittableRandom r = new SplittableRandom(5);
        double sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double v = d.sample(r);
            assertTrue(v >= 2 && v <= 30);
            sum += v;
        }
        assertEquals(d.mean(), sum / n, 0.05);
    }
}
