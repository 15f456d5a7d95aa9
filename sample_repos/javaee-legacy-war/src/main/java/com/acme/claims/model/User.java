package com.acme.claims.model;

import java.io.Serializable;

/**
 * A logged-in clerk or adjuster. Stored in the HTTP session, hence Serializable.
 */
public class User implements Serializable {

    private static final long serialVersionUID = 3L;

    private long id;
    private String login;
    private String displayName;
    private String role;

    public User() {
    }

    public User(long id, String login, String displayName, String role) {
        this.id = id;
        this.login = login;
        this.displayName = displayName;
        this.role = role;
    }

    public long getId() {
        return id;
    }

    public String getLogin() {
        return login;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getRole() {
        return role;
    }

    public boolean isAdjuster() {
        return "ADJUSTER".equals(role);
    }
}
