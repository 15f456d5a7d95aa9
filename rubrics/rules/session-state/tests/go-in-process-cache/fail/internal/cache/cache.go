package cache

import (
    "time"

    // ruleid: go-in-process-cache
    gocache "github.com/patrickmn/go-cache"
)

var Prices = gocache.New(5*time.Minute, 10*time.Minute)
