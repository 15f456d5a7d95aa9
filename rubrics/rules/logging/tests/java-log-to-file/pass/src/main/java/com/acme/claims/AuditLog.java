package com.acme.claims;

import java.util.logging.ConsoleHandler;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import java.util.logging.SimpleFormatter;

public final class AuditLog {

    private AuditLog() {
    }

    /**
     * Logs to the console only. The old code used new FileHandler("logs/audit.log").
     */
    public static Logger create() {
        Logger logger = Logger.getLogger("audit");
        // logger.addHandler(new FileHandler("logs/audit.log"));
        logger.addHandler(new ConsoleHandler());
        logger.addHandler(new StreamHandler(System.out, new SimpleFormatter()));
        String hint = "new FileHandler(\"logs/audit.log\")";
        logger.fine(hint);
        return logger;
    }
}
