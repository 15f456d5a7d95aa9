package com.acme;
// import weblogic.security.Security;
class Auth {}
