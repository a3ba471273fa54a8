package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Module#at} and {@link Module#namedSubmodules} use dotted field paths. */
class PathAccessTest {

    @Test
    void dottedPathsReachSubmodulesAndParameters() {
        ReferenceModelTest.Root m = ReferenceModelTest.model();
        assertSame(m.affine(), m.at("affine"));
        assertSame(m.quadratic().a(), m.at("quadratic.a"));
        assertEquals(List.of("affine", "quadratic"), List.copyOf(m.namedSubmodules().keySet()));
        assertSame(m.quadratic(), m.namedSubmodules().get("quadratic"));
        var e = assertThrows(IllegalArgumentException.class, () -> m.at("quadratic.d"));
        assertTrue(e.getMessage().contains("'d'") && e.getMessage().contains("closest"), e.getMessage());
    }
}
