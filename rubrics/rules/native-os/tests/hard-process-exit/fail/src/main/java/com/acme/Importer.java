package com.acme;
class Importer {
    void load(java.io.File f) {
        if (!f.exists()) {
            // ruleid: hard-process-exit
            System.exit(1);
        }
    }
}
