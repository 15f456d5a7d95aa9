package com.acme.jobs;
import java.util.concurrent.*;
class Jobs {
    void start(ExecutorService pool) {
        // pool.scheduleAtFixedRate(this::purge, 0, 1, TimeUnit.HOURS);
        pool.submit(this::purge);
        Timer.Sample sample = Timer.start(registry);
    }
}
