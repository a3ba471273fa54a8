package org.parax4j.engine.internal.vector;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Says which implementation the engine chose, where the operator will see it: through SLF4J when a
 * provider is bound, on standard error when none is (SLF4J's NOP fallback would drop the line, and
 * with it the fix for a slow fallback). {@link VectorizationProvider} calls it once per JVM.
 * Stateless and thread-safe; each call allocates only what the logging back end allocates.
 */
public final class EngineAnnouncement {

    private EngineAnnouncement() {}

    /**
     * Announces a choice that works as intended.
     *
     * @param log the logger to use when a provider is bound
     * @param line the complete line, starting with {@code parax4j engine:}
     */
    public static void info(Logger log, String line) {
        if (noProviderBound()) {
            System.err.println(line);
        } else {
            log.info(line);
        }
    }

    /**
     * Announces a fallback; {@code line} includes the fix.
     *
     * @param log the logger to use when a provider is bound
     * @param line the complete line, starting with {@code parax4j engine:}
     */
    public static void warn(Logger log, String line) {
        if (noProviderBound()) {
            System.err.println("WARNING: " + line);
        } else {
            log.warn(line);
        }
    }

    /**
     * Whether SLF4J runs without a provider: its factory is then the NOP one, which discards every
     * message (also the case with {@code slf4j-nop}, which asks for silence from libraries but not
     * from the one line that says the engine runs 4–7× slower than it could).
     */
    static boolean noProviderBound() {
        return LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory;
    }
}
