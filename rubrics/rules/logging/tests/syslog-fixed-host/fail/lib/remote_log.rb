# ruleid: syslog-fixed-host
LOG = RemoteSyslogLogger.new("logs01.corp.acme.com", 514)
