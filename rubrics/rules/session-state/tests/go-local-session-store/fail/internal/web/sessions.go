package web

import (
	"net/http"

	"github.com/gin-contrib/sessions"
	// ruleid: go-local-session-store
	"github.com/gin-contrib/sessions/memstore"
	"github.com/gin-gonic/gin"
	gsessions "github.com/gorilla/sessions"
)

// ruleid: go-local-session-store
var store = gsessions.NewFilesystemStore("", []byte("session-key"))

func Router() *gin.Engine {
	r := gin.Default()
	r.Use(sessions.Sessions("shop", memstore.NewStore([]byte("secret"))))
	return r
}

func Login(w http.ResponseWriter, req *http.Request) {
	session, _ := store.Get(req, "shop")
	session.Values["user"] = req.FormValue("user")
	_ = session.Save(req, w)
}
