package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bounded work and bounded messages for unknown names of any length (issue 15, bug 6). */
class NamesTest {

    /** A 19 MB name, as in the report: it took about 13 s and gave a 19 MB message. */
    static final int HUGE = 19_000_000;

    @Test
    void aHugeUnknownModuleTypeFailsQuicklyWithAShortMessage() {
        TestModules.register();
        String json = "{\"module\": \"Piar" + "x".repeat(HUGE) + "\", \"fields\": {}}";
        var e = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> assertThrows(IllegalArgumentException.class, () -> ModuleJson.load(json)));
        assertTrue(e.getMessage().length() < 600, "message of " + e.getMessage().length() + " chars");
        assertTrue(e.getMessage().contains("unknown module type 'Piarxxx"), e.getMessage());
        assertTrue(e.getMessage().contains("… (" + (HUGE + 4) + " chars)'; closest: "), e.getMessage());
    }

    @Test
    void aHugeUnknownParameterNameFailsQuicklyAgainstManyCandidates() {
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            candidates.add("weights_" + i);
        }
        String name = "weights_1" + "7".repeat(HUGE);
        String message = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> Names.unknown("parameter name", name, candidates));
        assertTrue(message.length() < 600, "message of " + message.length() + " chars");
        assertTrue(message.contains("chars)'; closest: "), message);
    }

    @Test
    void closestKeepsItsRankingWithDistancesComputedOnce() {
        assertEquals(List.of("scale", "shape", "loc"), Names.closest("scal", List.of("loc", "shape", "scale", "scale"), 3));
        assertEquals(List.of("a", "b"), Names.closest("z", List.of("a", "b", "c"), 2), "ties keep candidate order");
        assertEquals(List.of("gain"), Names.closest("gain" + "n".repeat(1000), List.of("f0", "gain", "q"), 1));
        assertEquals(3, Names.distance("kitten", "sitting"));
    }

    @Test
    void shownEscapesWhatDoesNotPrintAndCutsLongNames() {
        assertEquals("gain", Names.shown("gain"));
        assertEquals("\\ufeffgain\\n\\t\\u0000", Names.shown("\uFEFFgain\n\t\u0000"));
        assertEquals("null", Names.shown(null));
        String shown = Names.shown("a".repeat(250));
        assertEquals("a".repeat(Names.SHOWN) + "… (250 chars)", shown);
        String surrogates = "x".repeat(Names.SHOWN - 1) + "\uD83D\uDE00" + "y";
        assertEquals("x".repeat(Names.SHOWN - 1) + "… (102 chars)", Names.shown(surrogates), "no half surrogate pair");
    }

    @Test
    void candidatesAreShownBoundedToo() {
        String message = Names.unknown("map key", "k", List.of("k" + "\n".repeat(500)));
        assertTrue(message.length() < 400 && message.contains("k\\n\\n") && message.contains("(501 chars)"), message);
    }
}
