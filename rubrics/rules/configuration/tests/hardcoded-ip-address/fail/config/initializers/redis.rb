# ruleid: hardcoded-ip-address
REDIS = Redis.new(host: "10.8.0.9")
