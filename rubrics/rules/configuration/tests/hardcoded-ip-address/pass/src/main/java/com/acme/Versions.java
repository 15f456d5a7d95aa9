package com.acme;
class Versions {
    static final String VERSION = "1.2.3.4";
    static final String BUILD = "12.0.30319.0";
    static final String OID = "1.3.6.1.4.1.311.21.7";
    static final String OID2 = "2.16.840.1.101.3.4.2.1";
    static final String ANY = "0.0.0.0";
    static final String MASK = "255.255.255.0";
    static final String NETWORK = "10.0.0.0/8";
    static final String HOST_CIDR = "10.1.2.3/32";
    static final String LOOP = "127.0.0.1";
    static final String MCAST = "239.1.2.3";
    static final String RANGE = "10.0.0.1-10.0.0.254";
    static final String FILE = "v10.2.3.4";
    // static final String DB = "10.20.4.17";
}
