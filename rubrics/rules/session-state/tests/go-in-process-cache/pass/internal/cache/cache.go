package cache

import "github.com/redis/go-redis/v9"

// was: github.com/patrickmn/go-cache
var Client = redis.NewClient(&redis.Options{})
