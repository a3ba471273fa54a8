package org.parax4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parax4j.cli.demo.PosteriorSection;
import org.parax4j.cli.demo.SyntheticFit;
import org.parax4j.cli.demo.SyntheticPosterior;
import org.parax4j.cli.io.TextFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parax4j nuts}: the posterior of the reference model given the seeded synthetic measurements
 * of {@code fit --synthetic} ({@link SyntheticPosterior}), sampled with NUTS (dense metric, chains in
 * parallel): prints a summary table like Stan's and ArviZ's (mean, sd, quantiles, MCSE, bulk and
 * tail ESS, R̂, divergences, tree depth, E-BFMI, warnings naming the parameter); {@code --csv} writes
 * the physical draws, {@code --plots} a folder with the band, trace and marginal-density plots
 * ({@link PosteriorSection}).
 */
@Command(name = "nuts", header = "Sample the reference model's posterior (NUTS); print the summary.",
        description = "Posterior of the reference model given seeded synthetic measurements (0.1 dB noise), "
        + "sampled with the No-U-Turn sampler; prints a Stan-like summary table.")
final class NutsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the data, the chains and the prior band "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--chains", defaultValue = "4", description = "Chains, run in parallel (default: ${DEFAULT-VALUE}).")
    int chains;

    @Option(names = "--warmup", defaultValue = "500", description = "Warm-up iterations per chain (default: "
            + "${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--draws", defaultValue = "500", description = "Draws kept per chain (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the draws (physical units) as CSV: chain, draw, "
            + "one column per parameter.")
    Path csv;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write " + PosteriorSection.BAND_PNG + ", "
            + PosteriorSection.TRACE_PNG + ", " + PosteriorSection.DENSITY_PNG + " and " + PosteriorSection.DRAWS_CSV
            + " into this folder.")
    Path plots;

    @Override
    public Integer call() throws Exception {
        if (chains < 1 || chains > 64) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--chains must be in [1, 64], got " + chains);
        }
        if (warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warmup must be >= 0, got " + warmup);
        }
        if (draws < 4) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--draws must be >= 4, got " + draws);
        }
        Output.check(csv, "--csv");
        if (plots != null) {
            TextFiles.checkFolder(plots, "--plots");
        }
        SyntheticPosterior p = SyntheticPosterior.run(seed, chains, warmup, draws);
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Posterior of the reference model given synthetic data (seed %d, %.1f dB noise), "
                + "resonator_offsetDb and the kernel length scale fixed%n", seed, SyntheticFit.NOISE_DB);
        out.printf(Locale.ROOT, "NUTS, dense metric: %d chains x (%d warm-up + %d draws), %.2f s, %,d gradients%n%n",
                chains, warmup, draws, p.seconds(), p.latent().gradientEvaluations());
        out.print(p.physical().summary());
        out.flush();
        if (csv != null) {
            String text = p.physical().toCsv();
            Output.write(csv, "--csv", w -> w.write(text), out, spec.commandLine().getErr());
        }
        if (plots != null) {
            java.nio.file.Files.createDirectories(plots);
            new PosteriorSection(p, chains, warmup).writeTo(plots);
            spec.commandLine().getErr().println("wrote " + plots.resolve(PosteriorSection.BAND_PNG) + " and its siblings");
        }
        return 0;
    }
}
