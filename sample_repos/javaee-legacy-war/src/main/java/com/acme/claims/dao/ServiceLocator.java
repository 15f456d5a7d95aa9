package com.acme.claims.dao;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import org.apache.log4j.Logger;

/**
 * Looks up container-managed resources through JNDI and caches them.
 */
public final class ServiceLocator {

    private static final Logger LOG = Logger.getLogger(ServiceLocator.class);
    private static final String CLAIMS_DS = "java:comp/env/jdbc/ClaimsDB";

    private static DataSource dataSource;

    private ServiceLocator() {
    }

    public static synchronized DataSource getClaimsDataSource() {
        if (dataSource == null) {
            try {
                Context ctx = new InitialContext();
                dataSource = (DataSource) ctx.lookup(CLAIMS_DS);
                LOG.info("Resolved data source " + CLAIMS_DS);
            } catch (NamingException e) {
                throw new IllegalStateException("Data source " + CLAIMS_DS + " is not bound", e);
            }
        }
        return dataSource;
    }

    // The rating engine used to be called over RMI:
    //   RatingService rating = (RatingService) Naming.lookup("rmi://rating-host:1099/RatingService");
    // It is a plain JDBC lookup now; the remote service was retired with the EAR.
}
