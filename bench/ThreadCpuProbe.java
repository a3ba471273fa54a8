import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * CPU time of the calling thread per call of a single-threaded JMH benchmark method, for comparing two
 * commits on a machine too loaded for wall times: time spent waiting for a CPU does not count. Run
 * with the source launcher against either benchmarks jar (it uses no class of this repository at
 * compile time), e.g.
 *
 * <pre>{@code
 * ./parax4j java --add-modules=jdk.incubator.vector -cp target/before-after/jars/<commit>.jar \
 *     bench/ThreadCpuProbe.java DualJacobianBenchmark plain n=256,d=8 6 4
 * }</pre>
 *
 * <p>Arguments: benchmark class (simple name in {@code org.parax4j.bench}), method, {@code @Param}
 * values as {@code name=value,...} (or an empty string), warm-up seconds, measured seconds. The state
 * is built as JMH would (parameters set, then {@code setUp()}), the method called for the warm-up, then
 * in batches of at least 20 ms of thread CPU time; prints the minimum, first quartile and median of
 * the batches' CPU microseconds per call. Cache and memory-bandwidth contention from other processes
 * still count, so alternate the two jars (before, after, after, before) and compare medians. Only for
 * benchmarks that run on the calling thread.
 */
public final class ThreadCpuProbe {

    private ThreadCpuProbe() {}

    /** Runs the probe; see the class comment for the arguments. */
    public static void main(String[] args) throws Throwable {
        if (args.length != 5) {
            throw new IllegalArgumentException("expected: CLASS METHOD PARAMS WARM_SECONDS MEASURE_SECONDS, got "
                    + args.length + " argument(s)");
        }
        Class<?> type = Class.forName("org.parax4j.bench." + args[0]);
        Object state = type.getDeclaredConstructor().newInstance();
        for (String pair : args[2].isEmpty() ? new String[0] : args[2].split(",")) {
            String[] kv = pair.split("=", 2);
            Field field = type.getDeclaredField(kv[0]);
            field.setAccessible(true);
            if (field.getType() == int.class) {
                field.setInt(state, Integer.parseInt(kv[1]));
            } else if (field.getType() == long.class) {
                field.setLong(state, Long.parseLong(kv[1]));
            } else {
                field.set(state, kv[1]);
            }
        }
        type.getMethod("setUp").invoke(state);
        MethodHandle call = MethodHandles.publicLookup().unreflect(type.getMethod(args[1])).bindTo(state);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Object sink = null;
        long end = System.nanoTime() + (long) (Double.parseDouble(args[3]) * 1e9);
        while (System.nanoTime() < end) {
            sink = call.invoke();
        }
        double[] perCall = new double[10_000];
        int batches = 0;
        long stop = System.nanoTime() + (long) (Double.parseDouble(args[4]) * 1e9);
        while (System.nanoTime() < stop && batches < perCall.length) {
            long c0 = threads.getCurrentThreadCpuTime();
            int calls = 0;
            do {
                sink = call.invoke();
                calls++;
            } while (threads.getCurrentThreadCpuTime() - c0 < 20_000_000L);
            perCall[batches++] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / calls;
        }
        double[] sorted = Arrays.copyOf(perCall, batches);
        Arrays.sort(sorted);
        System.out.printf("%s.%s %s thread CPU us/call: min %.4g p25 %.4g median %.4g (%d batches)%s%n", args[0], args[1],
                args[2], sorted[0], sorted[batches / 4], sorted[batches / 2], batches, sink == null ? " (null result)" : "");
    }
}
