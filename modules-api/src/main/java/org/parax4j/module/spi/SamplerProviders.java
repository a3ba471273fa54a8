package org.parax4j.module.spi;

import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses, once per JVM, the {@link ParameterSamplerProvider} with the highest priority. */
public final class SamplerProviders {

    private static final Logger LOG = LoggerFactory.getLogger(SamplerProviders.class);

    private SamplerProviders() {}

    /** The chosen provider (the scalar one when no other is registered). */
    public static ParameterSamplerProvider get() {
        return Holder.CHOSEN;
    }

    private static final class Holder {
        static final ParameterSamplerProvider CHOSEN = choose();
    }

    private static ParameterSamplerProvider choose() {
        ParameterSamplerProvider best = new ScalarSamplerProvider();
        for (ParameterSamplerProvider p : ServiceLoader.load(ParameterSamplerProvider.class)) {
            if (p.priority() > best.priority()) {
                best = p;
            }
        }
        LOG.debug("parax4j: seeded parameter sampling by {}", best.name());
        return best;
    }
}
