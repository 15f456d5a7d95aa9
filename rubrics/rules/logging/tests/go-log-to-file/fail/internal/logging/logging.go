package logging

import (
    "log"
    "os"

    // ruleid: go-log-to-file
    "gopkg.in/natefinch/lumberjack.v2"
)

func Setup() {
    f, _ := os.OpenFile("/var/log/stock/app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
    // ruleid: go-log-to-file
    log.SetOutput(f)
    _ = &lumberjack.Logger{Filename: "app.log"}
}
