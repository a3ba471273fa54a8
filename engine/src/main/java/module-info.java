/**
 * parax4j engine: compiles module trees to flat buffers and runs them on a SIMD engine built on
 * {@code jdk.incubator.vector}, with a plain-Java twin of every SIMD routine.
 *
 * <p>The incubator module is optional at run time ({@code requires static}): without
 * {@code --add-modules jdk.incubator.vector} the engine announces one WARN line with that fix
 * (through SLF4J, or on standard error when no SLF4J provider is bound) and runs its scalar
 * implementation, or fails with {@code -Dparax4j.simd.required=true}; see
 * {@link org.parax4j.engine.EngineInfo}. Incubator types appear only in
 * {@code org.parax4j.engine.internal.*}.
 */
module org.parax4j.engine {
    requires transitive org.parax4j.api;
    requires org.slf4j;
    requires jdk.management;
    requires static jdk.incubator.vector;

    exports org.parax4j.engine;
    exports org.parax4j.engine.kernel;
    exports org.parax4j.engine.compile;
    exports org.parax4j.engine.graph;
    exports org.parax4j.engine.examples;
    exports org.parax4j.engine.random;
    exports org.parax4j.engine.stats;
    exports org.parax4j.engine.montecarlo;
    exports org.parax4j.engine.fit;
    exports org.parax4j.engine.linalg;
    exports org.parax4j.engine.gp;
    exports org.parax4j.engine.bayes;

    provides org.parax4j.module.spi.ParameterSamplerProvider
            with org.parax4j.engine.montecarlo.EngineSamplerProvider;
}
