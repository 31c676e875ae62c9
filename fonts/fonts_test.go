package fonts

import (
	"reflect"
	"testing"
)

func TestFiles(t *testing.T) {
	want := []string{
		"FandolFang-Regular-gb2312.ttf",
		"NotoSansSC_400Regular-gb2312.ttf",
		"NotoSerifSC_400Regular.ttf",
		"NotoSerifSC_900Black-gb2312.ttf",
		"gkai00mp-gb2312.ttf",
	}
	got := Files()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Files() = %q, want %q", got, want)
	}
	for _, name := range got {
		b, ok := Bytes(name)
		if !ok {
			t.Fatalf("Bytes(%q) missing", name)
		}
		// TrueType (glyf) fonts start with 0x00010000; CFF ("OTTO") cannot be embedded.
		if len(b) < 1<<20 || string(b[:4]) != "\x00\x01\x00\x00" {
			t.Errorf("%s: %d bytes, tag %q: not a full TrueType file", name, len(b), b[:4])
		}
	}
}
