package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/acme/stock-service/internal/inventory"
)

const maxBodyBytes = 64 << 10

type errorResponse struct {
	Error string `json:"error"`
}

type itemRequest struct {
	Name      string `json:"name"`
	Warehouse string `json:"warehouse"`
	Quantity  int    `json:"quantity"`
	Reserved  int    `json:"reserved"`
}

type adjustmentRequest struct {
	Delta  int    `json:"delta"`
	Reason string `json:"reason"`
}

type itemResponse struct {
	inventory.Item
	Available int `json:"available"`
}

func toResponse(item inventory.Item) itemResponse {
	return itemResponse{Item: item, Available: item.Available()}
}

func (a *API) health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (a *API) listItems(w http.ResponseWriter, r *http.Request) {
	items, err := a.repo.List(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]itemResponse, 0, len(items))
	for _, item := range items {
		out = append(out, toResponse(item))
	}
	writeJSON(w, http.StatusOK, out)
}

func (a *API) getItem(w http.ResponseWriter, r *http.Request) {
	item, err := a.repo.Get(r.Context(), r.PathValue("sku"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, toResponse(item))
}

func (a *API) putItem(w http.ResponseWriter, r *http.Request) {
	var req itemRequest
	if err := decode(r, &req); err != nil {
		a.fail(w, r, err)
		return
	}
	item, err := a.repo.Put(r.Context(), inventory.Item{
		SKU:       r.PathValue("sku"),
		Name:      req.Name,
		Warehouse: req.Warehouse,
		Quantity:  req.Quantity,
		Reserved:  req.Reserved,
	})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, toResponse(item))
}

func (a *API) adjustItem(w http.ResponseWriter, r *http.Request) {
	var req adjustmentRequest
	if err := decode(r, &req); err != nil {
		a.fail(w, r, err)
		return
	}
	if req.Delta == 0 {
		a.fail(w, r, fmt.Errorf("%w: delta must not be zero", inventory.ErrInvalid))
		return
	}
	item, err := a.repo.Adjust(r.Context(), r.PathValue("sku"), req.Delta)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.logger.Info("stock adjusted", "sku", item.SKU, "delta", req.Delta, "reason", req.Reason, "quantity", item.Quantity)
	writeJSON(w, http.StatusOK, toResponse(item))
}

func (a *API) deleteItem(w http.ResponseWriter, r *http.Request) {
	if err := a.repo.Delete(r.Context(), r.PathValue("sku")); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// fail maps domain errors to status codes and logs unexpected ones.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	var status int
	switch {
	case errors.Is(err, inventory.ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, inventory.ErrInvalid), errors.Is(err, errBadRequest):
		status = http.StatusBadRequest
	case errors.Is(err, inventory.ErrInsufficientStock):
		status = http.StatusConflict
	default:
		a.logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeJSON(w, http.StatusInternalServerError, errorResponse{Error: "internal error"})
		return
	}
	writeJSON(w, status, errorResponse{Error: err.Error()})
}

var errBadRequest = errors.New("bad request")

func decode(r *http.Request, dst any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, maxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return fmt.Errorf("%w: %v", errBadRequest, err)
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
