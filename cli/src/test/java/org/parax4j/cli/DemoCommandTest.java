package org.parax4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.cli.demo.DemoReport;
import org.parax4j.cli.demo.PosteriorSection;
import org.parax4j.cli.io.ModelFiles;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.module.Module;

class DemoCommandTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    static Path dir;

    static CliRun first;
    static CliRun second;

    @BeforeAll
    static void runTwice() {
        first = CliRun.of("demo", "--samples", "2000", "--out", dir.resolve("a").toString());
        second = CliRun.of("demo", "--samples", "2000", "--seed", "42", "--out", dir.resolve("b").toString());
    }

    @Test
    void printsEngineParameterTableSensitivitiesAndReportPath() {
        assertEquals(0, first.status(), first.err());
        String out = first.out();
        assertTrue(out.contains("parax4j engine:"), out);
        assertTrue(out.contains("resonator_f0"), out);
        assertTrue(out.contains("joint MultivariateNormal with resonator_q"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("resonator_z0") && l.contains("fixed")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("discrepancy_kernel_lengthScale") && l.contains("Softplus")), out);
        assertTrue(out.contains("semi-relative"), out);
        assertTrue(out.contains(dir.resolve("a").resolve("report.md").toAbsolutePath().toString()), out);
        // not a terminal: one start line and one end line, no carriage returns
        assertTrue(first.err().contains("Monte Carlo: 2,000 to do"), first.err());
        assertTrue(first.err().contains("Monte Carlo: 2,000 done in"), first.err());
        assertFalse(first.err().contains("\r"), first.err());
    }

    @Test
    void writesEveryFileOfTheReport() throws IOException {
        Path a = dir.resolve("a");
        for (String f : List.of(DemoReport.RESPONSE_PNG, DemoReport.SENSITIVITY_PNG, DemoReport.KERNEL_PNG,
                DemoReport.FIT_PNG, DemoReport.SUMMARY_CSV, DemoReport.SENSITIVITY_CSV, DemoReport.MODEL_JSON,
                DemoReport.REPORT_MD)) {
            assertTrue(Files.size(a.resolve(f)) > 0, f);
        }
    }

    @Test
    void plotsArePngsWithContent() throws IOException {
        for (String f : List.of(DemoReport.RESPONSE_PNG, DemoReport.SENSITIVITY_PNG, DemoReport.KERNEL_PNG,
                DemoReport.FIT_PNG)) {
            Path png = dir.resolve("a").resolve(f);
            byte[] head = Arrays.copyOf(Files.readAllBytes(png), PNG_SIGNATURE.length);
            assertArrayEquals(PNG_SIGNATURE, head, f);
            BufferedImage image = ImageIO.read(png.toFile());
            assertTrue(image.getWidth() >= 800 && image.getHeight() >= 500, f + " is " + image.getWidth() + "x"
                    + image.getHeight());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 3) {
                for (int x = 0; x < image.getWidth(); x += 3) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 20, f + " has only " + colours.size() + " colours");
        }
    }

    @Test
    void summaryCsvHasOneRowPerFrequencyOrderedPercentilesAndIsReproducible() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("a").resolve(DemoReport.SUMMARY_CSV));
        assertEquals("frequency_ghz,nominal_db,mean_db,std_db,p5_db,p50_db,p95_db", lines.get(0));
        assertEquals(ReferenceModel.POINTS + 1, lines.size());
        double[] nominal = ReferenceModel.function(ReferenceModel.create()).evaluate();
        for (int i = 1; i < lines.size(); i++) {
            double[] v = Arrays.stream(lines.get(i).split(",")).mapToDouble(Double::parseDouble).toArray();
            assertEquals(ReferenceModel.frequencies()[i - 1], v[0], 1e-6);
            assertEquals(nominal[i - 1], v[1], 1e-6);
            assertTrue(v[3] > 0, lines.get(i));
            assertTrue(v[4] <= v[5] && v[5] <= v[6], lines.get(i));
        }
        assertEquals(0, second.status(), second.err());
        for (String f : List.of(DemoReport.SUMMARY_CSV, DemoReport.SENSITIVITY_CSV)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("b").resolve(f)), f + " differs between two runs with seed 42");
        }
    }

    @Test
    void anotherSeedGivesOtherSamples() throws IOException {
        CliRun other = CliRun.of("demo", "--samples", "2000", "--seed", "7", "--posterior-draws", "0", "--out",
                dir.resolve("c").toString());
        assertEquals(0, other.status(), other.err());
        assertNotEquals(Files.readString(dir.resolve("a").resolve(DemoReport.SUMMARY_CSV)),
                Files.readString(dir.resolve("c").resolve(DemoReport.SUMMARY_CSV)));
    }

    @Test
    void reportHasThePosteriorSectionWithItsPlotsAndDraws() throws IOException {
        Path a = dir.resolve("a");
        String md = Files.readString(a.resolve(DemoReport.REPORT_MD));
        assertTrue(md.contains("## Posterior (NUTS)") && md.contains("ess_bulk") && md.contains("resonator_f0"), md);
        for (String f : List.of(PosteriorSection.BAND_PNG, PosteriorSection.TRACE_PNG, PosteriorSection.DENSITY_PNG,
                PosteriorSection.DRAWS_CSV)) {
            assertTrue(md.contains("(" + f + ")"), f + " not linked");
            assertTrue(Files.size(a.resolve(f)) > 10_000, f);
        }
        assertEquals(4 * 100 + 1, Files.readAllLines(a.resolve(PosteriorSection.DRAWS_CSV)).size());
        assertArrayEquals(Files.readAllBytes(a.resolve(PosteriorSection.DRAWS_CSV)),
                Files.readAllBytes(dir.resolve("b").resolve(PosteriorSection.DRAWS_CSV)), "draws differ for seed 42");
        assertFalse(Files.exists(dir.resolve("c").resolve(PosteriorSection.DRAWS_CSV)), "--posterior-draws 0");
    }

    @Test
    void modelJsonLoadsBackToTheReferenceModel() {
        Module<?> loaded = ModelFiles.load(dir.resolve("a").resolve(DemoReport.MODEL_JSON), "--model");
        assertEquals(ReferenceModel.create(), loaded);
    }

    @Test
    void reportLinksEveryFileAndStatesSeedSamplesTimeAndEngine() throws IOException {
        String md = Files.readString(dir.resolve("a").resolve(DemoReport.REPORT_MD));
        for (String f : List.of(DemoReport.RESPONSE_PNG, DemoReport.SENSITIVITY_PNG, DemoReport.KERNEL_PNG,
                DemoReport.FIT_PNG, DemoReport.SUMMARY_CSV, DemoReport.SENSITIVITY_CSV, DemoReport.MODEL_JSON)) {
            assertTrue(md.contains("(" + f + ")"), f + " not linked in\n" + md);
        }
        assertTrue(md.contains("2,000 samples, seed 42"), md);
        assertTrue(md.contains("s for sampling"), md);
        assertTrue(md.contains("- Engine: parax4j engine:"), md);
    }

    @Test
    void reportHasTheSyntheticFitTableOfFitSynthetic() throws IOException {
        String md = Files.readString(dir.resolve("a").resolve(DemoReport.REPORT_MD));
        assertTrue(md.contains("## Fit"), md);
        assertTrue(md.contains("| statistic | value |"), md);
        assertTrue(md.contains("converged: "), md);
        assertTrue(md.contains("| data points / variables | 200 / 8 |"), md);
        // the same table as `fit --synthetic --markdown` with the same seed (shared code, same numbers)
        CliRun fit = CliRun.of("fit", "--synthetic", "--seed", "42", "--markdown");
        assertEquals(0, fit.status(), fit.err());
        String table = fit.out().substring(fit.out().indexOf("| parameter | value |"));
        table = table.substring(0, table.indexOf("\n\n"));
        assertTrue(md.contains(table), table + "\nnot in\n" + md);
        assertTrue(first.out().contains("Synthetic fit (seed 42, offsetDb fixed): converged"), first.out());
    }

    @Test
    void tooFewSamplesIsAUsageError() {
        CliRun run = CliRun.of("demo", "--samples", "1", "--out", dir.resolve("d").toString());
        assertEquals(Main.EXIT_USAGE, run.status());
        assertTrue(run.err().contains("--samples must be >= 2, got 1"), run.err());
        assertFalse(Files.exists(dir.resolve("d")));
    }
}
