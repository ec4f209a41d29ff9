package org.newsroom.common.concurrent;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a pass of work (relaying an outbox, announcing changes) at most once at a time; a call made while a pass runs
 * does not wait and is not lost: it makes the running pass go round once more, so a change committed during a pass
 * is picked up at once rather than at the next scheduled tick.
 */
public final class CoalescingRun {

    private final Runnable pass;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public CoalescingRun(Runnable pass) {
        this.pass = pass;
    }

    /** Runs the pass now, or asks the pass already running for one more round. */
    public void run() {
        again.set(true);
        while (again.getAndSet(false)) {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            try {
                pass.run();
            } finally {
                running.set(false);
            }
        }
    }
}
