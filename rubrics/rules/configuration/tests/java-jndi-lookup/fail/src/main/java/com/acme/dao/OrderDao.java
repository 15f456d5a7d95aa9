package com.acme.dao;

public class OrderDao {
    // ruleid: java-jndi-lookup
    @Resource(lookup = "java:jboss/datasources/OrdersDS")
    private DataSource ds;
}
