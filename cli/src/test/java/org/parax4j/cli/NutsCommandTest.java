package org.parax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.cli.demo.PosteriorSection;

/** {@code parax4j nuts}: the posterior of the synthetic reference-model data, its files and its errors. */
class NutsCommandTest {

    @TempDir
    Path dir;

    @Test
    void summaryCsvAndPlotsOfTheSyntheticPosterior() throws Exception {
        Path csv = dir.resolve("draws.csv");
        Path plots = dir.resolve("plots");
        CliRun run = CliRun.of("nuts", "--seed", "7", "--chains", "2", "--warmup", "100", "--draws", "50", "--csv",
                csv.toString(), "--plots", plots.toString());
        assertEquals(0, run.status(), run.err());
        String out = run.out();
        for (String name : List.of("resonator_gain", "resonator_f0", "resonator_q", "discrepancy_weights_3")) {
            assertTrue(out.contains(name), name + " in\n" + out);
        }
        assertTrue(out.contains("ess_bulk") && out.contains("rhat") && out.contains("E-BFMI"), out);
        // f0's row: its posterior mean is the nominal 2.4 GHz within a few MHz (200 points at 0.1 dB)
        String f0Row = out.lines().filter(l -> l.startsWith("resonator_f0 ")).findFirst().orElseThrow();
        assertEquals(2.4, Double.parseDouble(f0Row.trim().split("\\s+")[1]), 0.01, f0Row);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(101, lines.size());
        assertTrue(lines.get(0).startsWith("chain,draw,resonator_gain,resonator_f0,resonator_q,"), lines.get(0));
        for (String png : List.of(PosteriorSection.TRACE_PNG, PosteriorSection.DENSITY_PNG, PosteriorSection.BAND_PNG)) {
            assertTrue(Files.size(plots.resolve(png)) > 10_000, png);
        }
        // the same seed gives the same draws: chain 0 of a one-chain run is chain 0 of the two-chain run
        Path again = dir.resolve("again.csv");
        assertEquals(0, CliRun.of("nuts", "--seed", "7", "--chains", "1", "--warmup", "100", "--draws", "50", "--csv",
                again.toString()).status());
        assertEquals(lines.subList(0, 51), Files.readAllLines(again));
    }

    @Test
    void invalidSettingsAreUsageErrors() throws Exception {
        CliRun run = CliRun.of("nuts", "--draws", "2");
        assertEquals(Main.EXIT_USAGE, run.status(), run.err());
        assertTrue(run.err().contains("--draws must be >= 4"), run.err());
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        CliRun folder = CliRun.of("nuts", "--plots", file.toString());
        assertEquals(Main.EXIT_INPUT, folder.status(), folder.err());
        assertTrue(folder.err().contains("--plots"), folder.err());
    }
}
