package com.acme;
class Licence {
    void read() throws Exception {
        // ruleid: windows-registry
        new ProcessBuilder("reg query HKLM\\SOFTWARE\\Acme").start();
    }
}
