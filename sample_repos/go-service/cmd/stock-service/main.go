// Command stock-service serves warehouse stock levels over HTTP.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/acme/stock-service/internal/config"
	"github.com/acme/stock-service/internal/httpapi"
	"github.com/acme/stock-service/internal/inventory"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "stock-service:", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.Load()
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}

	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: cfg.LogLevel}))
	slog.SetDefault(logger)

	repo := inventory.NewMemoryRepository()
	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           httpapi.NewHandler(repo, logger),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       60 * time.Second,
	}

	// SIGTERM is what the orchestrator sends; SIGINT is Ctrl-C during development.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	serveErr := make(chan error, 1)
	go func() {
		logger.Info("listening", "addr", cfg.Addr)
		serveErr <- srv.ListenAndServe()
	}()

	select {
	case err := <-serveErr:
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
		return nil
	case <-ctx.Done():
		logger.Info("shutting down", "timeout", cfg.ShutdownTimeout.String())
	}

	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}

	if cfg.SnapshotOnExit {
		writeDebugSnapshot(repo, logger)
	}
	logger.Info("stopped")
	return nil
}

// writeDebugSnapshot leaves a copy of the in-memory stock in the temp directory for whoever is
// debugging a shutdown (kubectl cp before the pod is gone). It is not a persistence mechanism.
func writeDebugSnapshot(repo inventory.Repository, logger *slog.Logger) {
	items, err := repo.List(context.Background())
	if err != nil {
		logger.Warn("snapshot skipped", "err", err)
		return
	}
	data, err := json.MarshalIndent(items, "", "  ")
	if err != nil {
		logger.Warn("snapshot skipped", "err", err)
		return
	}
	if err := os.WriteFile(filepath.Join(os.TempDir(), "stock-snapshot.json"), data, 0o600); err != nil {
		logger.Warn("snapshot failed", "err", err)
		return
	}
	logger.Info("snapshot written", "items", len(items))
}
