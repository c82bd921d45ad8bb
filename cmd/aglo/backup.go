package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/aglo/aglo/internal/store"
)

// backupCommand runs "aglo backup FILE": a consistent copy of the database, taken while
// the site keeps serving.
func backupCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	file, c, err := fileAndConfig("backup", args, getenv, stderr)
	if err != nil || file == "" {
		return err
	}
	// The database is opened read-only: a backup never creates, migrates or seeds it, so
	// the backup of an upgrade's old database is taken as it is.
	if err := store.BackupFile(ctx, c.db, file); err != nil {
		return err
	}
	version, err := store.Check(ctx, file)
	if err != nil {
		return fmt.Errorf("backup written but it does not check out: %w", err)
	}
	fmt.Fprintf(stdout, "backup of %s written to %s (schema version %d, integrity ok)\n", c.db, file, version)
	return nil
}

// restoreCommand runs "aglo restore FILE": it checks the backup and then replaces the
// database with it, keeping the replaced database aside.
func restoreCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	file, c, err := fileAndConfig("restore", args, getenv, stderr)
	if err != nil || file == "" {
		return err
	}
	version, err := store.Check(ctx, file)
	if err != nil {
		return err
	}
	aside, err := store.Restore(ctx, file, c.db)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s (schema version %d, integrity ok) to %s\n", file, version, c.db)
	if aside != "" {
		fmt.Fprintf(stdout, "the database it replaced is kept as %s\n", aside)
	}
	fmt.Fprintln(stdout, "restart aglo to serve the restored content")
	return nil
}

// fileAndConfig reads "aglo backup|restore FILE [flags]" (the file may also come after the
// flags). An empty file with a nil error means -h was asked for.
func fileAndConfig(cmd string, args []string, getenv func(string) string, stderr io.Writer) (string, config, error) {
	var files []string
	for len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		files, args = append(files, args[0]), args[1:]
	}
	c, fs, err := parseConfig("aglo "+cmd, args, getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return "", c, nil
	}
	if err != nil {
		return "", c, err
	}
	files = append(files, fs.Args()...)
	if len(files) != 1 {
		return "", c, fmt.Errorf("%s: say which file: aglo %s FILE", cmd, cmd)
	}
	return files[0], c, nil
}
