package com.acme;
import org.jboss.logging.Logger;
class Security {}
