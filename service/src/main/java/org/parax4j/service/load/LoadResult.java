package org.parax4j.service.load;

/**
 * One measured load step. Latencies in milliseconds; for open loop they run from each request's
 * intended start (so a stalled server is charged for the requests it delayed). Immutable.
 *
 * @param target the request's name
 * @param mode {@code closed} (a fixed number of clients, each sending its next request when the last is
 *     answered) or {@code open} (requests started at a fixed rate, whatever the answers)
 * @param clients concurrent clients (closed loop), or the most requests outstanding at once (open loop)
 * @param offeredRate requests per second offered (open loop), 0 for closed loop
 * @param requests requests completed in the measured interval
 * @param errors requests that failed (no answer, or a status other than 200)
 * @param seconds length of the measured interval
 * @param p50 median latency
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max largest latency
 * @param gcPauses GC pauses of the server during the interval
 * @param gcPauseMs their total length, ms
 * @param heapAfterMb the server's heap in use after the interval, MiB
 */
public record LoadResult(String target, String mode, int clients, double offeredRate, long requests, long errors,
        double seconds, double p50, double p99, double p999, double max, long gcPauses, double gcPauseMs,
        double heapAfterMb) {

    /** Completed requests per second. */
    public double throughput() {
        return seconds > 0 ? requests / seconds : 0;
    }
}
