// Command embedded-db serves a MongoDB-compatible database (FerretDB with its
// SQLite backend) on 127.0.0.1 for the server's default, no-install setup.
// The server starts it as a child process; production points MONGODB_URI at MongoDB.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	port := flag.Int("port", 27017, "TCP port to listen on (127.0.0.1 only)")
	dir := flag.String("dir", "./data/db", "directory holding the SQLite files")
	level := flag.String("log-level", "error", "log level: debug, info, warn, error")
	lifeline := flag.Bool("exit-on-stdin-eof", false, "shut down when stdin closes (the parent process died)")
	flag.Parse()

	if err := run(*port, *dir, *level, *lifeline); err != nil {
		fmt.Fprintln(os.Stderr, "embedded-db:", err)
		os.Exit(1)
	}
}

func run(port int, dir, level string, lifeline bool) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return fmt.Errorf("data directory %s: %w", abs, err)
	}

	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(level)); err != nil {
		return fmt.Errorf("log level %q: %w", level, err)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))

	// Lookups by _id use an index only with the expression index of idindex.go.
	indexAll(context.Background(), abs, logger)

	db, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: fmt.Sprintf("127.0.0.1:%d", port)},
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
		Logger:    logger,
	})
	if err != nil {
		return err
	}

	// SIGTERM/SIGINT cancel the context; FerretDB then closes its listener and
	// gives clients a short grace period, so SQLite files are left consistent.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	// The server keeps our stdin open as a lifeline: if it is killed (SIGKILL) the
	// pipe closes and we stop too, instead of lingering with the port and the files.
	if lifeline {
		lifelineCtx, cancel := context.WithCancel(ctx)
		ctx = lifelineCtx
		defer cancel()
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			logger.Info("embedded-db: stdin closed, shutting down")
			cancel()
		}()
	}

	go keepIndexing(ctx, abs, "zwgk", 3*time.Second, logger)

	logger.Info("embedded-db listening", "port", port, "dir", abs)
	db.Run(ctx)
	return nil
}
