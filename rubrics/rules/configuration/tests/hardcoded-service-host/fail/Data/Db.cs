class Db {
    // ruleid: hardcoded-service-host
    const string Cs = "Data Source=ORADB02.acme.net;User Id=app;";
}
