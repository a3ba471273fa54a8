package org.parax4j.service.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The full load test (run by {@code bench/service-load}) against a running service:
 * for every standard target a JIT warm-up (8 clients, twice the warm-up time, not reported), then
 * closed loop at 1, 2, 4, 8, 16, 32 and 64 clients; then open loop at fixed rates for
 * {@code evaluate}; writes {@code OUT.md} and {@code OUT.png}.
 *
 * <pre>
 * java -cp ... org.parax4j.service.load.LoadMain --url http://127.0.0.1:8080 --out bench/results/service-load
 *      [--seconds 5] [--warmup 2] [--rates 250,500,1000,2000]
 * </pre>
 */
public final class LoadMain {

    private LoadMain() {}

    /**
     * Runs the full load test.
     *
     * @param args {@code --url}, {@code --out}, {@code --seconds}, {@code --warmup}, {@code --rates}
     * @throws IllegalArgumentException for an unknown option or a missing value
     */
    public static void main(String[] args) throws Exception {
        URI url = URI.create("http://127.0.0.1:8080");
        Path out = Path.of("bench/results/service-load");
        int seconds = 5;
        int warmup = 2;
        String rates = "250,500,1000,2000";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--url" -> url = URI.create(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--rates" -> rates = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; known: --url, --out, --seconds, --warmup, --rates");
            }
        }
        System.setProperty("java.awt.headless", "true");
        LoadGenerator gen = new LoadGenerator(url);
        List<LoadResult> results = new ArrayList<>();
        Duration measure = Duration.ofSeconds(seconds);
        Duration warm = Duration.ofSeconds(warmup);
        for (LoadTarget t : LoadTarget.standard()) {
            // JIT warm-up of this target's server and client paths before its first measured step
            gen.closedLoop(t, 8, Duration.ZERO, warm.multipliedBy(2));
            for (int clients = 1; clients <= 64; clients *= 2) {
                LoadResult r = gen.closedLoop(t, clients, warm, measure);
                System.out.println(line(r));
                results.add(r);
            }
        }
        for (String rate : rates.split(",")) {
            LoadResult r = gen.openLoop(LoadTarget.evaluate(), Double.parseDouble(rate.trim()), 1024, warm, measure);
            System.out.println(line(r));
            results.add(r);
        }
        String title = "parax4j service load test";
        String md = LoadReport.markdown(title, results) + "\n" + summary(results) + "\n";
        LoadReport.write(Path.of(out + ".md"), md);
        LoadReport.chart(Path.of(out + ".png"), title, results);
        System.out.println(md);
    }

    /** The acceptance line: evaluate at 64 clients against health at 64 clients. */
    static String summary(List<LoadResult> results) {
        LoadResult health = find(results, "health", 64);
        LoadResult eval = find(results, "evaluate", 64);
        if (health == null || eval == null) {
            return "";
        }
        long errors = results.stream().mapToLong(LoadResult::errors).sum();
        return String.format(Locale.ROOT, "evaluate at 64 clients: %.0f req/s = %.1f %% of health's %.0f req/s; "
                        + "p99 %.2f ms, p99.9 %.2f ms; errors in the whole run: %d",
                eval.throughput(), 100 * eval.throughput() / health.throughput(), health.throughput(), eval.p99(),
                eval.p999(), errors);
    }

    private static LoadResult find(List<LoadResult> results, String target, int clients) {
        return results.stream().filter(r -> r.mode().equals("closed") && r.target().equals(target)
                && r.clients() == clients).findFirst().orElse(null);
    }

    private static String line(LoadResult r) {
        return String.format(Locale.ROOT, "%-14s %-6s clients %3d rate %6.0f: %7.0f req/s p50 %.3f p99 %.3f p99.9 %.3f "
                        + "errors %d gc %d (%.1f ms) heap %.0f MiB", r.target(), r.mode(), r.clients(), r.offeredRate(),
                r.throughput(), r.p50(), r.p99(), r.p999(), r.errors(), r.gcPauses(), r.gcPauseMs(), r.heapAfterMb());
    }
}
