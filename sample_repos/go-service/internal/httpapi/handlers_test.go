package httpapi

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/acme/stock-service/internal/inventory"
)

func newTestHandler() http.Handler {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	return NewHandler(inventory.NewMemoryRepository(), logger)
}

func do(t *testing.T, h http.Handler, method, path, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHealthz(t *testing.T) {
	rec := do(t, newTestHandler(), http.MethodGet, "/healthz", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d, want 200", rec.Code)
	}
}

func TestPutThenAdjust(t *testing.T) {
	h := newTestHandler()

	rec := do(t, h, http.MethodPut, "/api/items/BOLT-M8", `{"name":"Bolt M8","warehouse":"HAM1","quantity":10,"reserved":4}`)
	if rec.Code != http.StatusOK {
		t.Fatalf("put: status = %d, body %s", rec.Code, rec.Body)
	}

	rec = do(t, h, http.MethodPost, "/api/items/BOLT-M8/adjustments", `{"delta":-7,"reason":"picking"}`)
	if rec.Code != http.StatusConflict {
		t.Fatalf("over-adjust: status = %d, want 409", rec.Code)
	}

	rec = do(t, h, http.MethodPost, "/api/items/BOLT-M8/adjustments", `{"delta":-6,"reason":"picking"}`)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"available":0`) {
		t.Fatalf("adjust: status = %d, body %s", rec.Code, rec.Body)
	}
}

func TestUnknownItem(t *testing.T) {
	rec := do(t, newTestHandler(), http.MethodGet, "/api/items/NOPE-1", "")
	if rec.Code != http.StatusNotFound {
		t.Fatalf("status = %d, want 404", rec.Code)
	}
}

func TestRejectsUnknownFields(t *testing.T) {
	rec := do(t, newTestHandler(), http.MethodPut, "/api/items/BOLT-M8", `{"name":"x","warehouse":"HAM1","colour":"red"}`)
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("status = %d, want 400", rec.Code)
	}
}
