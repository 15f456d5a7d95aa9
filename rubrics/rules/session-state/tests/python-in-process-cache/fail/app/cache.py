# ruleid: python-in-process-cache
from cachetools import TTLCache
from flask_caching import Cache

prices = TTLCache(maxsize=1024, ttl=300)
# ruleid: python-in-process-cache
cache = Cache(config={"CACHE_TYPE": "SimpleCache"})
