package com.acme;
class Pdf {
    void render(java.util.concurrent.Executor pool) {
        // Runtime.getRuntime().exec("wkhtmltopdf in.html out.pdf");
        pool.execute(() -> {});
        statement.execute("select 1");
    }
}
