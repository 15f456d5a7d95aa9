Log.Logger = new LoggerConfiguration()
    // ruleid: syslog-fixed-host
    .WriteTo.UdpSyslog("logs01.corp.acme.com")
    .CreateLogger();
