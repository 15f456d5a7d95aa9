package com.acme.shop;

public final class AppConfig {

    // public static final String DB_URL = System.getenv("DATABASE_URL");
    /* System.getenv("PORT") */
    public static final String HOME = System.getProperty("user.home");
    public static final String NOTE = "System.getenv is not used here";
}
