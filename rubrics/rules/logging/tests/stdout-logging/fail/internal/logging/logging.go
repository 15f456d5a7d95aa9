package logging

import (
    "log/slog"
    "os"
)

// ruleid: stdout-logging
var Logger = slog.New(slog.NewJSONHandler(os.Stdout, nil))
