package org.parax4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The hand-off reading ends (a positive time, or NaN past its deadline) and refuses a round count below one. */
class CoreHandoffTest {

    @Test
    void measuresAPositiveTime() {
        double nanos = CoreHandoff.nanos(1_000);
        assertTrue(nanos > 0 || Double.isNaN(nanos), "hand-off " + nanos + " ns"); // NaN: no second core free for 2 s
    }

    @Test
    void givesUpPastItsDeadlineAndStopsThePartner() {
        // A zero deadline: the caller gives up at its first clock reading, after at most 1 024 round trips.
        for (int k = 0; k < 20; k++) {
            double nanos = CoreHandoff.nanos(1_000_000, 0);
            assertTrue(Double.isNaN(nanos), "a reading of 10^6 round trips within a 0 ns deadline: " + nanos);
        }
        assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("parax4j-bench-handoff") && t.isAlive()).count(),
                "partners still spinning after their callers gave up");
    }

    @Test
    void rejectsNoRounds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoreHandoff.nanos(0));
        assertTrue(e.getMessage().contains("rounds must be >= 1, got 0"), e.getMessage());
    }
}
