package com.acme.web;

import javax.enterprise.context.SessionScoped;

// ruleid: java-session-scoped-bean
@SessionScoped
public class Wizard implements java.io.Serializable {
}
