package com.acme;
class Pdf {
    void render() throws Exception {
        // ruleid: java-shell-exec
        Runtime.getRuntime().exec("wkhtmltopdf in.html out.pdf");
        // ruleid: java-shell-exec
        new ProcessBuilder("convert", "a.png", "a.jpg").start();
    }
}
