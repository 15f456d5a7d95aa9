package web

import (
	"github.com/alexedwards/scs/v2"
	// ruleid: go-local-session-store
	"github.com/alexedwards/scs/v2/memstore"
)

func Manager() *scs.SessionManager {
	manager := scs.New()
	manager.Store = memstore.New()
	return manager
}
