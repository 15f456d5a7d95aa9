package metrics

// ruleid: metrics-instrumentation
import "github.com/prometheus/client_golang/prometheus"

var Orders = prometheus.NewCounter(prometheus.CounterOpts{Name: "orders_total"})
