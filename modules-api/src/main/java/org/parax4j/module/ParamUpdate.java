package org.parax4j.module;

/**
 * Options of {@link Module#withParams(java.util.Map, ParamUpdate)}, the seed's keyword arguments.
 *
 * @param checkMissing require that every visible parameter is given (default false)
 * @param checkUnknown fail on keys that name no visible parameter or element (default true)
 * @param fixOthers fix every visible parameter that is not given (default false)
 * @param includeFixed interpret keys over fixed parameters too (default false)
 */
public record ParamUpdate(boolean checkMissing, boolean checkUnknown, boolean fixOthers, boolean includeFixed) {

    /** The seed's defaults: only {@code checkUnknown}. */
    public static final ParamUpdate DEFAULTS = new ParamUpdate(false, true, false, false);

    /** A copy with {@code checkMissing} set. */
    public ParamUpdate withCheckMissing(boolean value) {
        return new ParamUpdate(value, checkUnknown, fixOthers, includeFixed);
    }

    /** A copy with {@code checkUnknown} set. */
    public ParamUpdate withCheckUnknown(boolean value) {
        return new ParamUpdate(checkMissing, value, fixOthers, includeFixed);
    }

    /** A copy with {@code fixOthers} set. */
    public ParamUpdate withFixOthers(boolean value) {
        return new ParamUpdate(checkMissing, checkUnknown, value, includeFixed);
    }

    /** A copy with {@code includeFixed} set. */
    public ParamUpdate withIncludeFixed(boolean value) {
        return new ParamUpdate(checkMissing, checkUnknown, fixOthers, value);
    }
}
