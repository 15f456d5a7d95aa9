class Printer {
    // ruleid: hardcoded-ip-address
    const string Host = "172.16.8.40";
}
