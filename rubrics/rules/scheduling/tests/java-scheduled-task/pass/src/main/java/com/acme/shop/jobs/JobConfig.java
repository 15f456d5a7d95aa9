package com.acme.shop.jobs;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jobs used to run with {@code @Scheduled(cron = "0 0 2 * * *")}; they are now triggered by a
 * Kubernetes CronJob calling the endpoint below.
 */
@Configuration
@EnableScheduling
@RestController
public class JobConfig {

    // @Scheduled(cron = "0 0 2 * * *")
    /* @Scheduled(fixedRate = 1000) */
    @PostMapping("/internal/jobs/close-day")
    public String closeDay() {
        return "Scheduled";
    }
}
