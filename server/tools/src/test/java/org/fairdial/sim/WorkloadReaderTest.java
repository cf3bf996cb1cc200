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
    void segmentsChangeTalkWrapUpTeamAndLeadMixFromTheirTime() {
        Workload w = WorkloadReader.read(WORKLOADS.resolve("shift-day.conf"));
        Workload.Conditions start = w.conditionsAt(0);
        assertEquals(2, start.leadMix().size());
        assertEquals(0.45, start.leadMix().get(0).answerProbability());
        assertEquals(0.75, w.conditionsAt(100 * 60).loggedIn());
        assertEquals(1.0, w.conditionsAt(120 * 60).loggedIn());
        assertEquals(List.of(new Workload.Lead(1.0, 0.03, null)), w.conditionsAt(120 * 60).leadMix());
        Workload.Conditions afternoon = w.conditionsAt(4.5 * 3600);
        assertEquals(0.5, afternoon.loggedIn());
        assertEquals(180, afternoon.talk().mean(), 1e-6);
        assertEquals(10, afternoon.wrapUp().mean(), 1e-9);
        Workload.Conditions evening = w.conditionsAt(6.5 * 3600);
        assertEquals(List.of(), evening.leadMix());
        assertEquals(0.30, evening.answerProbability());
        assertEquals(4, evening.wrapUp().mean(), 1e-9);
        // Half the team for an hour with longer talks, a quarter off for 20 minutes: the bound is lower.
        assertTrue(w.clairvoyantBound() < 0.85, "bound " + w.clairvoyantBound());
        assertTrue(w.clairvoyantBound() > 0.7, "bound " + w.clairvoyantBound());
    }

    @Test
    void badSegmentsAreReportedWithTheirKeyAndLine(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path file = dir.resolve("bad.conf");
        java.nio.file.Files.writeString(file, "include \"" + WORKLOADS.resolve("reference.conf") + "\"\n"
                + "workload {\n"
                + "  colour = blue\n"
                + "  segments = [\n"
                + "    { at = 1 hour, logged-in = 1.5 }\n"
                + "    { at = 30 minutes, talk = 100 s }\n"
                + "    { at = 2 hours, lead-mix = [{ share = 0.5, answer-probability = 0.4 }] }\n"
                + "  ]\n"
                + "}\n");
        WorkloadException e = assertThrows(WorkloadException.class, () -> WorkloadReader.read(file));
        String all = String.join("\n", e.problems());
        for (String expected : List.of("workload.colour: unknown key", "bad.conf: 3",
                "workload.segments[0].logged-in: is outside 0..1", "bad.conf: 5",
                "workload.segments[1].talk: unknown key", "workload.segments[1].at: must be later", "bad.conf: 6",
                "workload.segments[2].lead-mix: shares must sum to 1", "bad.conf: 7")) {
            assertTrue(all.contains(expected), expected + " missing from:\n" + all);
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
