package com.acme.dao;

import javax.naming.InitialContext;
import javax.sql.DataSource;

public class ServiceLocator {
    public DataSource dataSource() throws Exception {
        // ruleid: java-jndi-lookup
        InitialContext ctx = new InitialContext();
        // ruleid: java-jndi-lookup
        return (DataSource) ctx.lookup("java:comp/env/jdbc/ClaimsDS");
    }
}
