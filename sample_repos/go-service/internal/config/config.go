// Package config reads the service configuration from the environment.
package config

import (
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"
)

// defaultAddr is used when PORT is not set.
const defaultAddr = ":8080"

// Config is everything the service needs to start.
type Config struct {
	Addr            string
	LogLevel        slog.Level
	ShutdownTimeout time.Duration
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	SnapshotOnExit  bool
}

// Load builds a Config from environment variables, applying defaults for anything unset.
func Load() (Config, error) {
	cfg := Config{
		Addr:            listenAddr(os.Getenv("PORT")),
		LogLevel:        slog.LevelInfo,
		ShutdownTimeout: 20 * time.Second,
		ReadTimeout:     10 * time.Second,
		WriteTimeout:    15 * time.Second,
	}

	if v := os.Getenv("LOG_LEVEL"); v != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(v)); err != nil {
			return Config{}, fmt.Errorf("LOG_LEVEL: %w", err)
		}
	}

	var err error
	if cfg.ShutdownTimeout, err = envDuration("SHUTDOWN_TIMEOUT", cfg.ShutdownTimeout); err != nil {
		return Config{}, err
	}
	if cfg.ReadTimeout, err = envDuration("HTTP_READ_TIMEOUT", cfg.ReadTimeout); err != nil {
		return Config{}, err
	}
	if cfg.WriteTimeout, err = envDuration("HTTP_WRITE_TIMEOUT", cfg.WriteTimeout); err != nil {
		return Config{}, err
	}

	if v, ok := os.LookupEnv("SNAPSHOT_ON_EXIT"); ok {
		cfg.SnapshotOnExit = v == "1" || strings.EqualFold(v, "true")
	}
	return cfg, nil
}

// listenAddr accepts a bare port ("9000") as platforms set it, or a full address (":9000").
func listenAddr(port string) string {
	switch {
	case port == "":
		return defaultAddr
	case strings.Contains(port, ":"):
		return port
	default:
		return ":" + port
	}
}

func envDuration(name string, fallback time.Duration) (time.Duration, error) {
	v, ok := os.LookupEnv(name)
	if !ok || v == "" {
		return fallback, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	if d <= 0 {
		return 0, fmt.Errorf("%s must be positive, got %s", name, v)
	}
	return d, nil
}
