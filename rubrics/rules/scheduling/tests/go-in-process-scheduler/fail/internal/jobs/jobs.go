package jobs

// ruleid: go-in-process-scheduler
import "github.com/robfig/cron/v3"

func Start() {
    c := cron.New()
    c.AddFunc("@daily", purge)
    c.Start()
}
