class Import {
    // ruleid: file-uri-reference
    System.Uri source = new System.Uri("file:///C:/imports/orders.csv");
}
