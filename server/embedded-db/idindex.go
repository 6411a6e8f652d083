package main

// FerretDB v1.24's SQLite backend finds a document by _id with the expression
// `_ferretdb_sjson->'$._id'` (reads, updates and deletes alike), but its own unique _id index is
// on `_ferretdb_sjson->"_id"`, which SQLite's planner does not match with that expression: every
// lookup, update and delete by _id scanned the whole table. Measured by bench/ (docs/PERFORMANCE.md):
// an update by _id took 24 ms at 10,000 documents and 94 ms at 50,000, and a read of a document
// far down the table as long. This adds, to every collection table, a plain index on exactly the
// expression the queries use; the planner then searches it (EXPLAIN: SEARCH … USING INDEX). It is
// invisible to clients (FerretDB lists indexes from its own metadata) and dropped with its table.
//
// When: for every database file before FerretDB starts (nothing else has the files open), then
// every few seconds for new collections of the server's own database (`zwgk`, which is never
// dropped). Other databases (tests) are only indexed at start: opening a file that FerretDB may be
// dropping at that moment could leave a stray write-ahead log behind.

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite"
)

const idIndexSuffix = "__zwgk_id_path"

// indexDatabase adds the _id expression index to every collection table of one database file
// that lacks it. mode=rw: a file that does not exist (any more) is not created.
func indexDatabase(ctx context.Context, file string) (int, error) {
	db, err := sql.Open("sqlite", "file:"+file+"?mode=rw&_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	rows, err := db.QueryContext(ctx, `SELECT table_name FROM _ferretdb_collections`)
	if err != nil {
		return 0, err // a database FerretDB has not finished creating: next time
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return 0, err
		}
		tables = append(tables, t)
	}
	rows.Close()

	created := 0
	for _, t := range tables {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?`, t+idIndexSuffix).Scan(&n); err != nil {
			return created, err
		}
		if n > 0 {
			continue
		}
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, t+idIndexSuffix, t)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return created, err
		}
		created++
	}
	return created, nil
}

// indexAll indexes every database file in dir (before FerretDB starts).
func indexAll(ctx context.Context, dir string, logger *slog.Logger) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
	for _, f := range files {
		if n, err := indexDatabase(ctx, f); err != nil {
			logger.Warn("embedded-db: _id index not added", "file", filepath.Base(f), "error", err)
		} else if n > 0 {
			logger.Info("embedded-db: _id index added", "file", filepath.Base(f), "tables", n)
		}
	}
}

// keepIndexing indexes new collections of the server's database every interval until ctx ends.
func keepIndexing(ctx context.Context, dir, dbName string, interval time.Duration, logger *slog.Logger) {
	file := filepath.Join(dir, dbName+".sqlite")
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			if _, err := os.Stat(file); err != nil {
				continue
			}
			if n, err := indexDatabase(ctx, file); err != nil {
				if !strings.Contains(err.Error(), "no such table") {
					logger.Warn("embedded-db: _id index not added", "file", filepath.Base(file), "error", err)
				}
			} else if n > 0 {
				logger.Info("embedded-db: _id index added", "file", filepath.Base(file), "tables", n)
			}
		}
	}
}
