package com.acme.dao;

public class OrderDao {
    // new InitialContext().lookup("java:comp/env/jdbc/ClaimsDS")
    @Resource
    private SessionContext context;
    Object find(Map<String, Object> cache) { return cache.get("x"); }
    Object dns(Resolver r) { return r.lookup("orders.internal"); }
}
