/**
 * parax4j modules-api: parameters, distributions, bijectors, the module tree and its API,
 * kernels as modules and JSON serialisation. Contains no SIMD code and no engine internals.
 */
module org.parax4j.api {
    requires transitive com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports org.parax4j.bijector;
    exports org.parax4j.distribution;
    exports org.parax4j.json;
    exports org.parax4j.param;
    exports org.parax4j.module;
    exports org.parax4j.kernel;
    exports org.parax4j.module.spi;

    uses org.parax4j.module.spi.ParameterSamplerProvider;

    opens org.parax4j.bijector to com.fasterxml.jackson.databind;
    opens org.parax4j.distribution to com.fasterxml.jackson.databind;
    opens org.parax4j.param to com.fasterxml.jackson.databind;
    opens org.parax4j.module to com.fasterxml.jackson.databind;
}
