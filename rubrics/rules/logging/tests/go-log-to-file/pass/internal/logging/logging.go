package logging

import (
    "log"
    "log/slog"
    "os"
)

func Setup() {
    // log.SetOutput(f)
    log.SetOutput(os.Stdout)
    slog.SetDefault(slog.New(slog.NewJSONHandler(os.Stdout, nil)))
}
