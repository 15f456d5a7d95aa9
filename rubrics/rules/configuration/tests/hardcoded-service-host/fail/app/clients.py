import redis
# ruleid: hardcoded-service-host
cache = redis.Redis.from_url("redis://cache.prod.acme.io:6379/0")
# ruleid: hardcoded-service-host
INVENTORY = "http://inventory.corp:8080/api"
