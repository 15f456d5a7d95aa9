package com.acme.jobs;
// ruleid: java-in-process-scheduler
import org.quartz.Scheduler;
import java.util.Timer;
import java.util.concurrent.*;
class Jobs {
    void start(ScheduledExecutorService pool, TimerService timerService) {
        // ruleid: java-in-process-scheduler
        Timer timer = new Timer();
        // ruleid: java-in-process-scheduler
        pool.scheduleAtFixedRate(this::purge, 0, 1, TimeUnit.HOURS);
        // ruleid: java-in-process-scheduler
        timerService.createIntervalTimer(0, 60000, new TimerConfig());
    }
}
