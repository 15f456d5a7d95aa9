package com.acme;

public class Reports {
    // ruleid: absolute-host-path
    private static final String OUT = "C:\\reports\\daily";
    // ruleid: absolute-host-path
    private static final String SHARE = "\\\\fileserver01\\exports";
}
