class Main {
    String time = "C:mm:ss";
    String path = System.getenv("DATA_DIR");
    String regex = "\\w+\\s*";
}
