package org.baokao.gateway.bench;

/**
 * One timed round of a load generator against one address: how many answers, in how long, their latency
 * percentiles, how many were errors (non-2xx/3xx status, connect/read/write failure, time-out) and the CPU the
 * generator itself used.
 */
record Round(long requests, double seconds, double p50Millis, double p99Millis, long errors,
        double generatorCpuSeconds) {

    double perSecond() {
        return requests / seconds;
    }

    /** The generator's own CPU, in cores: 1.0 = one of the machine's cores busy all the round. */
    double generatorCores() {
        return generatorCpuSeconds / seconds;
    }
}
