package io.affinity.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * What this JVM has spent so far: wall-clock time, the CPU time of the whole process (every thread, the
 * collector's included) and the bytes allocated by its live threads. The difference of two readings is the cost
 * of what ran between them; a thread that ends in between takes its allocations with it, so measured work runs
 * on threads that outlive it (event loops, the caller, pooled workers).
 */
record Usage(long nanos, long cpuNanos, long allocatedBytes) {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static Usage now() {
        long[] allocated = THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds());
        long sum = 0;
        for (long bytes : allocated) {
            sum += Math.max(0, bytes); // -1 for a thread that ended meanwhile
        }
        return new Usage(System.nanoTime(), OS.getProcessCpuTime(), sum);
    }

    /** @return the usage from {@code start} to this reading */
    Usage since(Usage start) {
        return new Usage(nanos - start.nanos, cpuNanos - start.cpuNanos, allocatedBytes - start.allocatedBytes);
    }
}
