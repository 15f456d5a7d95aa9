// Package httpapi exposes the inventory over HTTP/JSON.
package httpapi

import (
	"log/slog"
	"net/http"

	"github.com/acme/stock-service/internal/inventory"
)

// API holds the dependencies of the HTTP handlers.
type API struct {
	repo   inventory.Repository
	logger *slog.Logger
}

// NewHandler returns the service's root handler with all routes and middleware.
func NewHandler(repo inventory.Repository, logger *slog.Logger) http.Handler {
	api := &API{repo: repo, logger: logger}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", api.health)
	mux.HandleFunc("GET /api/items", api.listItems)
	mux.HandleFunc("GET /api/items/{sku}", api.getItem)
	mux.HandleFunc("PUT /api/items/{sku}", api.putItem)
	mux.HandleFunc("POST /api/items/{sku}/adjustments", api.adjustItem)
	mux.HandleFunc("DELETE /api/items/{sku}", api.deleteItem)

	return recoverPanics(logger, logRequests(logger, mux))
}
