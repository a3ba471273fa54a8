package org.parax4j.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class EngineOptionsTest {

    @Test
    void theBooleanOverloadsMeanTheDefaultsOrTheCallingThreadAlone() {
        assertSame(EngineOptions.defaults(), EngineOptions.defaultsIf(true));
        assertSame(EngineOptions.singleThreaded(), EngineOptions.defaultsIf(false));
        assertFalse(EngineOptions.defaultsIf(false).isParallel());
    }
}
