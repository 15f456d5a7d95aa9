package com.acme;
class Db {
    // ruleid: hardcoded-secret-in-code
    private static final String DB_PASSWORD = "Sup3rS3cret!";
    void init(DataSource ds) {
        // ruleid: hardcoded-secret-in-code
        ds.setPassword("hunter2hunter2");
    }
}
