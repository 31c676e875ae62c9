package build

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"huanjie/internal/dirlock"
	"huanjie/internal/oserr"
)

// Writing a set. The outputs of one build go into one folder as a whole
// or not at all, also when several huanjie processes write into the same
// folder, when the user presses Ctrl-C, and when the process is killed:
//
//  1. An exclusive lock on the folder is held for the whole write (a second
//     build waits for the first and says so).
//  2. Leftovers of a crashed run are cleaned up first: a journal left in
//     place means a set was half moved in, and it is rolled back.
//  3. Every file is written to a temporary name in the folder and synced.
//  4. A journal naming every file, its temporary and (when a file of that
//     name exists) the backup name the old file moves to, is put in place.
//  5. Each old file moves to its backup and the new one into place.
//  6. Removing the journal commits the set; the backups are then removed.
//
// On an error or a cancelled context (the CLI cancels on SIGINT and
// SIGTERM) before step 6, the set is rolled back: the old files return and
// the new ones go, so the folder holds the old set or the new one, never
// parts of both. All helper files start with ".huanjie-".
const (
	tempPrefix  = ".huanjie-"
	journalName = ".huanjie-journal"
)

// ErrInterrupted is returned when the write was cancelled (by a signal):
// the folder holds the set that was there before.
var ErrInterrupted = errors.New("已中断：没有写入新的文书，输出目录保持原样")

// testHookPlaced, when set, runs after the i-th file is moved into place.
var testHookPlaced func(i int)

// journalEntry is one file of the set being moved in.
type journalEntry struct {
	Target string `json:"target"`
	Temp   string `json:"temp"`
	Backup string `json:"backup,omitempty"` // "" when no file of that name was there
}

// Write writes the outputs as one set (see above), without interruption
// by signals and saying nothing while waiting for the folder.
func Write(outs []Output) error {
	return WriteContext(context.Background(), outs, nil)
}

// WriteContext is Write that rolls back when ctx is done before the set is
// committed, and tells notes (if not nil) when it waits for another
// process writing into the same folder.
func WriteContext(ctx context.Context, outs []Output, notes io.Writer) error {
	if len(outs) == 0 {
		return nil
	}
	dir, err := setFolder(outs)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("无法创建输出目录 %s（%s）；请换一个输出目录（-o）", dir, oserr.Describe(err))
	}
	lock, err := dirlock.Acquire(ctx, dir, func() {
		if notes != nil {
			fmt.Fprintf(notes, "另一个 huanjie 正在向 %s 写入文书，等它写完后再写……\n", dir)
		}
	})
	if err != nil {
		if ctx.Err() != nil {
			return ErrInterrupted
		}
		return fmt.Errorf("无法锁定输出目录 %s（%s）", dir, oserr.Describe(err))
	}
	defer lock.Release()
	if err := recoverFolder(dir); err != nil {
		return err
	}
	return writeLocked(ctx, dir, outs)
}

// setFolder returns the one folder all outputs go to, and refuses a set
// whose files would land elsewhere or twice on one name.
func setFolder(outs []Output) (string, error) {
	dir := filepath.Dir(outs[0].Path)
	seen := map[string]bool{}
	for _, o := range outs {
		name := filepath.Base(o.Path)
		if filepath.Dir(o.Path) != dir || !filepath.IsLocal(name) || strings.HasPrefix(name, ".") {
			return "", fmt.Errorf("内部错误：文件 %s 不在输出目录 %s 中，没有写入任何文书", o.Path, dir)
		}
		if seen[name] {
			return "", fmt.Errorf("内部错误：两份文书都要写到 %s，没有写入任何文书", o.Path)
		}
		seen[name] = true
	}
	return dir, nil
}

func writeLocked(ctx context.Context, dir string, outs []Output) error {
	entries := make([]journalEntry, len(outs))
	removeTemps := func() {
		for _, e := range entries {
			if e.Temp != "" {
				os.Remove(filepath.Join(dir, e.Temp))
			}
		}
	}
	for i, o := range outs {
		if ctx.Err() != nil {
			removeTemps()
			return ErrInterrupted
		}
		name := filepath.Base(o.Path)
		if st, err := os.Lstat(o.Path); err == nil && st.IsDir() {
			removeTemps()
			return fmt.Errorf("无法写入 %s：已有同名的目录；请换一个输出目录（-o）", o.Path)
		}
		f, err := os.CreateTemp(dir, tempPrefix+"*.tmp")
		if err != nil {
			removeTemps()
			return fmt.Errorf("无法在 %s 中写文件（%s）；请换一个可写的输出目录（-o）", dir, oserr.Describe(err))
		}
		entries[i] = journalEntry{Target: name, Temp: filepath.Base(f.Name())}
		if err := fillAndClose(f, o.Data); err != nil {
			removeTemps()
			return fmt.Errorf("写入 %s 失败（%s）；没有写入任何文书", o.Path, oserr.Describe(err))
		}
		if _, err := os.Lstat(o.Path); err == nil {
			entries[i].Backup = strings.TrimSuffix(entries[i].Temp, ".tmp") + ".old"
		}
	}
	if err := writeJournal(dir, entries); err != nil {
		removeTemps()
		return err
	}
	for i, e := range entries {
		err := ctx.Err()
		if err == nil && e.Backup != "" {
			if err = os.Rename(filepath.Join(dir, e.Target), filepath.Join(dir, e.Backup)); err != nil {
				err = fmt.Errorf("无法替换 %s（%s）；文件可能正被其他程序打开，没有写入任何文书", filepath.Join(dir, e.Target), oserr.Describe(err))
			}
		}
		if err == nil {
			if err = os.Rename(filepath.Join(dir, e.Temp), filepath.Join(dir, e.Target)); err != nil {
				err = fmt.Errorf("无法写入 %s（%s）；没有写入任何文书", filepath.Join(dir, e.Target), oserr.Describe(err))
			}
		}
		if err != nil {
			rollBack(dir, entries)
			if ctx.Err() != nil {
				return ErrInterrupted
			}
			return err
		}
		if testHookPlaced != nil {
			testHookPlaced(i)
		}
	}
	// The commit point: from here on the new set stands.
	if err := os.Remove(filepath.Join(dir, journalName)); err != nil {
		rollBack(dir, entries)
		return fmt.Errorf("无法完成写入（%s）；输出目录保持原样", oserr.Describe(err))
	}
	syncDir(dir)
	for _, e := range entries {
		if e.Backup != "" {
			os.Remove(filepath.Join(dir, e.Backup))
		}
	}
	return nil
}

// writeJournal puts the journal in place atomically (temporary + rename).
func writeJournal(dir string, entries []journalEntry) error {
	b, _ := json.Marshal(entries)
	tmp := filepath.Join(dir, journalName+".tmp")
	f, err := os.Create(tmp)
	if err == nil {
		err = fillAndClose(f, b)
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, journalName))
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法在 %s 中写文件（%s）；请换一个可写的输出目录（-o）", dir, oserr.Describe(err))
	}
	syncDir(dir)
	return nil
}

// rollBack undoes a half-moved set, last file first: each old file
// returns from its backup, each new file whose name was free goes, every
// temporary goes, then the journal.
func rollBack(dir string, entries []journalEntry) {
	at := func(name string) string { return filepath.Join(dir, name) }
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		if e.Target == "" || e.Temp == "" {
			continue
		}
		_, terr := os.Lstat(at(e.Temp))
		placed := terr != nil // the temporary was moved into place
		switch {
		case e.Backup != "":
			if _, err := os.Lstat(at(e.Backup)); err == nil {
				os.Rename(at(e.Backup), at(e.Target))
			}
		case placed:
			os.Remove(at(e.Target))
		}
		os.Remove(at(e.Temp))
	}
	os.Remove(at(journalName))
	syncDir(dir)
}

// recoverFolder cleans up after a run that died while writing into dir:
// a journal in place is rolled back, then every helper file goes.
func recoverFolder(dir string) error {
	if b, err := os.ReadFile(filepath.Join(dir, journalName)); err == nil {
		var entries []journalEntry
		if json.Unmarshal(b, &entries) == nil && validJournal(entries) {
			rollBack(dir, entries)
		}
	}
	des, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("无法读取输出目录 %s（%s）", dir, oserr.Describe(err))
	}
	for _, d := range des {
		if strings.HasPrefix(d.Name(), tempPrefix) && !d.IsDir() {
			os.Remove(filepath.Join(dir, d.Name()))
		}
	}
	return nil
}

// validJournal accepts only plain names in the folder, the helper names
// ours: a journal can move nothing outside it.
func validJournal(entries []journalEntry) bool {
	plain := func(s string) bool { return s == filepath.Base(s) && filepath.IsLocal(s) }
	for _, e := range entries {
		if !plain(e.Target) || !plain(e.Temp) || !strings.HasPrefix(e.Temp, tempPrefix) ||
			(e.Backup != "" && (!plain(e.Backup) || !strings.HasPrefix(e.Backup, tempPrefix))) {
			return false
		}
	}
	return true
}

// fillAndClose writes data to f, makes it readable by all, syncs it to
// the disk and closes it.
func fillAndClose(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes renames in dir durable where the system allows it.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
