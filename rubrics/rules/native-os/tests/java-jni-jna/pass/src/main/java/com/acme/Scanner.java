package com.acme;
class Scanner {
    // System.loadLibrary("twain32");
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Object res = loader.loadClass("com.acme.Plugin");
}
