package org.parax4j.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The demo report's posterior section: the {@link SyntheticPosterior} of the synthetic fit's data,
 * its plots ({@link #BAND_PNG}, {@link #TRACE_PNG}, {@link #DENSITY_PNG}), its draws
 * ({@link #DRAWS_CSV}) and a Markdown section with the summary table. Immutable.
 *
 * @param posterior the sampled posterior
 * @param chains chains run
 * @param warmup warm-up iterations per chain
 */
public record PosteriorSection(SyntheticPosterior posterior, int chains, int warmup) {

    /** Posterior band of the response against the prior Monte Carlo band and the data. */
    public static final String BAND_PNG = "posterior-band.png";
    /** Traces, one row per parameter. */
    public static final String TRACE_PNG = "posterior-trace.png";
    /** Marginal densities, one row per parameter. */
    public static final String DENSITY_PNG = "posterior-density.png";
    /** The draws in physical units. */
    public static final String DRAWS_CSV = "posterior-draws.csv";

    /** Validates the posterior is present. */
    public PosteriorSection {
        Objects.requireNonNull(posterior, "posterior");
    }

    /**
     * Writes the plots and the draws into {@code folder}.
     *
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    public List<Path> writeTo(Path folder) throws IOException {
        SyntheticPosterior p = posterior;
        ReportCharts.writePng(PosteriorCharts.bands(p.freqs(), p.data(), p.posteriorBand(), p.priorBand(),
                p.physical().chains() * p.physical().drawsPerChain()), folder.resolve(BAND_PNG));
        ReportCharts.writePng(PosteriorCharts.traces(p.physical()), folder.resolve(TRACE_PNG));
        ReportCharts.writePng(PosteriorCharts.densities(p.physical()), folder.resolve(DENSITY_PNG));
        org.parax4j.cli.io.TextFiles.write(folder.resolve(DRAWS_CSV), p.physical().toCsv());
        return List.of(folder.resolve(BAND_PNG), folder.resolve(TRACE_PNG), folder.resolve(DENSITY_PNG),
                folder.resolve(DRAWS_CSV));
    }

    /** The Markdown section, starting with {@code ## Posterior (NUTS)}. */
    public String markdown() {
        SyntheticPosterior p = posterior;
        StringBuilder sb = new StringBuilder("## Posterior (NUTS)\n\n");
        sb.append("![Posterior 90 % band and median of the response against the prior Monte Carlo band](")
                .append(BAND_PNG).append(")\n\n");
        sb.append(String.format(Locale.ROOT, "The posterior of gain, f0, Q and the four discrepancy weights given the "
                + "synthetic measurements of the fit (offset and kernel length scale fixed), sampled with NUTS (dense "
                + "metric): %d chains × (%d warm-up + %d draws) in %.2f s, %,d gradients (as `parax4j nuts`). The "
                + "prior band is %,d Monte Carlo draws of the same model from its priors; both bands are of the "
                + "model response (without the measurement noise).\n\n", chains, warmup,
                p.physical().drawsPerChain(), p.seconds(), p.latent().gradientEvaluations(),
                SyntheticPosterior.PRIOR_SAMPLES));
        sb.append("```\n").append(p.physical().summary()).append("```\n\n");
        sb.append("![Traces](").append(TRACE_PNG).append(")\n\n![Marginal densities](").append(DENSITY_PNG)
                .append(")\n\nDraws: [").append(DRAWS_CSV).append("](").append(DRAWS_CSV).append(").\n\n");
        return sb.toString();
    }
}
