package org.baokao.gateway.bench;

import java.time.Duration;

/** Keeps a fixed number of keep-alive connections busy with one GET, back to back, for a fixed time. */
interface LoadGenerator {

    /** {@code crowd}: the headers each request carries ({@link ManyClients}). */
    Round run(String url, ManyClients crowd, int connections, Duration duration) throws Exception;

    /** How it is named in the report. */
    String describe();
}
