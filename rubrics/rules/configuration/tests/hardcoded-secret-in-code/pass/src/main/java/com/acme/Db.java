package com.acme;
class Db {
    private static final String PASSWORD_PROPERTY = "db.password";
    void init(DataSource ds) {
        ds.setPassword(System.getenv("DB_PASSWORD"));
        // ds.setPassword("hunter2hunter2");
    }
}
