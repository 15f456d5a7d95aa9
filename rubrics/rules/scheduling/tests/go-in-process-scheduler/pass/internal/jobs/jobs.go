package jobs

import "time"

// was github.com/robfig/cron/v3
func Wait() { time.Sleep(time.Second) }
