package org.parax4j.engine.bayes;

/**
 * A divergent transition after warm-up: a leapfrog step whose energy error exceeded 1000.
 *
 * @param chain the chain index
 * @param iteration the draw index (0-based, after warm-up)
 * @param draw the latent draw the transition returned (Stan reports this point)
 * @param at the latent position of the divergent leapfrog step (where the integrator blew up)
 */
public record Divergence(int chain, int iteration, double[] draw, double[] at) implements java.io.Serializable {}
