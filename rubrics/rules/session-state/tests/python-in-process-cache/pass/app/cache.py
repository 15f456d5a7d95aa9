import os
from flask_caching import Cache
# from cachetools import TTLCache
cache = Cache(config={"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": os.environ["REDIS_URL"]})
