package org.parax4j.bijector;

/**
 * A smooth, strictly monotone, elementwise map {@code y = forward(x)} between an unconstrained
 * latent value {@code x} and a physical value {@code y}, with its inverse and Jacobian terms.
 *
 * <p>Parameters store latent values; their physical value is {@code forward(latent)} (SPEC §2).
 * Implementations are immutable, thread-safe and allocation-free; every method is applied to
 * one scalar element at a time.
 *
 * <p>Contract every implementation keeps, checked by the property suite:
 * <ul>
 *   <li>{@code inverse(forward(x)) == x} up to rounding for every {@code x} in the domain;</li>
 *   <li>{@code forwardLogDetJacobian(x) == log|forwardDerivative(x)|}, written in a numerically
 *       stable form (no {@code log(exp(..))} round trips in the tails);</li>
 *   <li>{@code inverseLogDetJacobian(y) == -forwardLogDetJacobian(inverse(y))};</li>
 *   <li>{@code inverse} returns NaN or ±∞ for a {@code y} outside the range of {@code forward},
 *       which callers turn into an error naming the parameter.</li>
 * </ul>
 */
public interface Bijector {

    /** Maps a latent value to a physical value. */
    double forward(double x);

    /** Maps a physical value back to its latent value; NaN or ±∞ when {@code y} is outside the range. */
    double inverse(double y);

    /** {@code log|dy/dx|} at latent {@code x}. */
    double forwardLogDetJacobian(double x);

    /** {@code log|dx/dy|} at physical {@code y}; equals {@code -forwardLogDetJacobian(inverse(y))}. */
    double inverseLogDetJacobian(double y);

    /** First derivative {@code dy/dx} at latent {@code x}, as used by the dual-number engine. */
    double forwardDerivative(double x);
}
