package com.acme.shop.jobs;

import javax.ejb.Schedule;
import javax.ejb.Singleton;

@Singleton
public class ReportTimer {

    // ruleid: java-scheduled-task
    @Schedule(hour = "*/1", minute = "0", persistent = false)
    public void hourly() {
        System.out.println("hourly report");
    }
}
