# ruleid: hardcoded-ip-address
REDIS_HOST = "10.0.3.12"
