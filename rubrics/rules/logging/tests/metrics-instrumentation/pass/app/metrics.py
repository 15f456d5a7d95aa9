# from prometheus_client import Counter
import logging
orders = 0
