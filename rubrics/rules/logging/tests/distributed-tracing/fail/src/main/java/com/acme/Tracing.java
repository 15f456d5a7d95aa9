package com.acme;
// ruleid: distributed-tracing
import io.opentelemetry.api.trace.Tracer;
class Tracing { Tracer tracer; }
