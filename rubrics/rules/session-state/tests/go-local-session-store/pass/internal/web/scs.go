package web

import (
	"github.com/alexedwards/scs/redisstore"
	"github.com/alexedwards/scs/v2"
	"github.com/gomodule/redigo/redis"
)

func Manager(pool *redis.Pool) *scs.SessionManager {
	manager := scs.New()
	manager.Store = redisstore.New(pool)
	return manager
}
