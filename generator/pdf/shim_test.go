package pdf

import (
	"testing"

	"huanjie/generator/fontset"
)

// testFonts loads the embedded stand-ins only (no system fonts), so output
// does not depend on the machine.
func testFonts(t testing.TB) *fontset.Set {
	t.Helper()
	fs, err := fontset.Load(fontset.Options{NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}
