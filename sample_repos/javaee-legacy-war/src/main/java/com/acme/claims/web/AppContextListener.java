package com.acme.claims.web;

import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;

import org.apache.log4j.Logger;

import com.acme.claims.AppVersion;
import com.acme.claims.dao.ServiceLocator;

/**
 * Publishes the build version to the JSPs and fails fast when the data source is missing.
 */
public class AppContextListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(AppContextListener.class);

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        sce.getServletContext().setAttribute("appVersion", AppVersion.VERSION);
        ServiceLocator.getClaimsDataSource();
        LOG.info("Claims Portal " + AppVersion.VERSION + " (" + AppVersion.RELEASE_NAME + ") started");
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        LOG.info("Claims Portal stopped");
    }
}
