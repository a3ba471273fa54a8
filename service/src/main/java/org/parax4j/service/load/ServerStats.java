package org.parax4j.service.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The server-side JVM figures the load generator reports, read from the service's Prometheus
 * {@code /metrics}: GC pauses (count and total, {@code jvm_gc_pause_seconds}) and heap in use
 * ({@code jvm_memory_used_bytes{area="heap"}}). Immutable.
 *
 * @param gcPauses pauses so far
 * @param gcPauseSeconds their total length
 * @param heapBytes heap in use now
 */
record ServerStats(long gcPauses, double gcPauseSeconds, double heapBytes) {

    /**
     * Scrapes {@code base/metrics}.
     *
     * @throws IllegalStateException when the endpoint cannot be read
     */
    static ServerStats scrape(HttpClient http, URI base) {
        String text;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /metrics answered " + r.statusCode());
            }
            text = r.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + base.resolve("/metrics") + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading /metrics", e);
        }
        return parse(text);
    }

    /** Sums the series of interest in a Prometheus text exposition. */
    static ServerStats parse(String text) {
        double count = 0;
        double sum = 0;
        double heap = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("jvm_gc_pause_seconds_count")) {
                count += value(line);
            } else if (line.startsWith("jvm_gc_pause_seconds_sum")) {
                sum += value(line);
            } else if (line.startsWith("jvm_memory_used_bytes") && line.contains("area=\"heap\"")) {
                heap += value(line);
            }
        }
        return new ServerStats((long) count, sum, heap);
    }

    private static double value(String line) {
        int space = line.lastIndexOf(' ');
        return Double.parseDouble(line.substring(space + 1).trim());
    }
}
