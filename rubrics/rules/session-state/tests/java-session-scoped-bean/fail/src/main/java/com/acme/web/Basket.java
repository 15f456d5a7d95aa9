package com.acme.web;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

@Component
// ruleid: java-session-scoped-bean
@Scope(value = "session", proxyMode = ScopedProxyMode.TARGET_CLASS)
public class Basket {
}
