package com.acme.claims;

import java.io.IOException;
import java.util.logging.FileHandler;
import java.util.logging.Logger;

import org.apache.logging.log4j.core.appender.RollingFileAppender;

public final class AuditLog {

    private AuditLog() {
    }

    public static Logger create() throws IOException {
        Logger logger = Logger.getLogger("audit");
        // ruleid: java-log-to-file
        logger.addHandler(new FileHandler("logs/audit-%g.log", 10_000_000, 5, true));
        return logger;
    }

    public static org.apache.log4j.Appender legacy() throws IOException {
        // ruleid: java-log-to-file
        return new org.apache.log4j.DailyRollingFileAppender(new org.apache.log4j.SimpleLayout(), "logs/claims.log", "'.'yyyy-MM-dd");
    }

    public static Object modern() {
        // ruleid: java-log-to-file
        return RollingFileAppender.newBuilder().withFileName("logs/claims.log").build();
    }
}
