package com.acme;
// ruleid: weblogic-descriptor
import weblogic.security.Security;
class Auth {}
