package org.baokao.gateway.ratelimit;

import java.util.concurrent.CompletableFuture;

/** Where the buckets live: a store every gateway instance shares, so a limit holds however many there are. */
public interface TokenBuckets {

    /**
     * Takes one token from {@code limit}'s bucket, made full when it does not exist yet. Completes with the verdict,
     * or exceptionally when the store cannot tell; never blocks the calling thread.
     */
    CompletableFuture<Verdict> take(Limit limit);
}
