package web

import (
	"net/http"
	"os"

	"github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/redis"
	"github.com/gin-gonic/gin"
	gsessions "github.com/gorilla/sessions"
)

// signed cookies carry the session: nothing is kept in the replica
var store = gsessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))

// was: gsessions.NewFilesystemStore("", key) and github.com/gin-contrib/sessions/memstore
func Router() *gin.Engine {
	shared, _ := redis.NewStore(10, "tcp", os.Getenv("REDIS_ADDR"), "", []byte(os.Getenv("SESSION_KEY")))
	r := gin.Default()
	r.Use(sessions.Sessions("shop", shared))
	return r
}

func Login(w http.ResponseWriter, req *http.Request) {
	session, _ := store.Get(req, "shop")
	session.Values["user"] = req.FormValue("user")
	_ = session.Save(req, w)
}
