class Legacy {
    // ruleid: embedded-file-database
    const string Access = "Provider=Microsoft.ACE.OLEDB.12.0;Data Source=C:\\data\\orders.accdb";
}
