// ruleid: metrics-instrumentation
const client = require('prom-client');
client.collectDefaultMetrics();
