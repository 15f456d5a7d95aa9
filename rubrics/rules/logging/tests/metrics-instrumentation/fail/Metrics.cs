// ruleid: metrics-instrumentation
using Prometheus;
public static class Metrics { public static readonly Counter Orders = Prometheus.Metrics.CreateCounter("orders_total", "Orders"); }
