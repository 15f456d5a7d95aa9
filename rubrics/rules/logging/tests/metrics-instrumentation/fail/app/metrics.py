# ruleid: metrics-instrumentation
from prometheus_client import Counter
ORDERS = Counter("orders_total", "Orders placed")
