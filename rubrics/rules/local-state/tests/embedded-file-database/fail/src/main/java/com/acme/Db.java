package com.acme;
class Db {
    // ruleid: embedded-file-database
    String url = "jdbc:h2:file:./data/shop";
    // ruleid: embedded-file-database
    String derby = "jdbc:derby:ordersDB;create=true";
}
