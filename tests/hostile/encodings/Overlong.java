class Overlong { String s = "À¯à€¯ í €"; void f() throws Exception { new java.io.FileWriter("/var/data/o.txt"); } }
