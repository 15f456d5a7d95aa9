package com.acme;
// ruleid: java-jni-jna
import com.sun.jna.Library;
class Scanner {
    static {
        // ruleid: java-jni-jna
        System.loadLibrary("twain32");
    }
}
