package com.acme.shop;

public final class AppConfig {

    // ruleid: config-from-environment
    public static final String DB_URL = System.getenv("DATABASE_URL");

    public static int port() {
        // ruleid: config-from-environment
        String value = System.getenv().getOrDefault("PORT", "8080");
        return Integer.parseInt(value);
    }
}
