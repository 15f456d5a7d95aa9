package logging

import "log/syslog"

func Dial() (*syslog.Writer, error) {
    // ruleid: syslog-fixed-host
    return syslog.Dial("udp", "logs01:514", syslog.LOG_INFO, "stock")
}
