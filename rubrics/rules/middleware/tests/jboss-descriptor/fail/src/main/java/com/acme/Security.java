package com.acme;
// ruleid: jboss-descriptor
import org.jboss.security.SecurityContextAssociation;
class Security {}
