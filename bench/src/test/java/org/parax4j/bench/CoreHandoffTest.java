package org.parax4j.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The hand-off reading ends, is a positive time, and refuses a round count below one. */
class CoreHandoffTest {

    @Test
    void measuresAPositiveTime() {
        double nanos = CoreHandoff.nanos(1_000);
        assertTrue(nanos > 0 && Double.isFinite(nanos), "hand-off " + nanos + " ns");
    }

    @Test
    void rejectsNoRounds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoreHandoff.nanos(0));
        assertTrue(e.getMessage().contains("rounds must be >= 1, got 0"), e.getMessage());
    }
}
