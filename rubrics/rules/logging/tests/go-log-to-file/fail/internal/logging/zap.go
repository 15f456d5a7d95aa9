package logging

import "go.uber.org/zap"

func Zap() zap.Config {
    cfg := zap.NewProductionConfig()
    // ruleid: go-log-to-file
    cfg.OutputPaths = []string{"stdout", "/var/log/stock/zap.log"}
    return cfg
}
