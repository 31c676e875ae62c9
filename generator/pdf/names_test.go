package pdf_test

import (
	"strings"
	"testing"
)

// TestNamesBeyondTheBMP builds the sample's whole set with candidates
// named 孙𫖮 and 张𬌗田 (𫖮 U+2B5AE, 𬌗 U+2C317: standard characters beyond
// the BMP): check finds no missing glyph, every document builds, and the
// names read back from the ballot and the result request.
func TestNamesBeyondTheBMP(t *testing.T) {
	s := strings.NewReplacer("刘通", "孙𫖮", "张荷田", "张𬌗田").Replace(sampleTOML(t))
	e := loadElection(t, s)
	for _, f := range e.Findings {
		if f.Code == "missing_glyph" {
			t.Errorf("check reports %s", f.Message)
		}
	}
	docs := mustBuild(t, e, 0)
	for _, part := range []string{"委员选票", "选举结果请示", "候选人预备人选公示"} {
		txt := text(t, pick(t, docs, part))
		for _, name := range []string{"孙𫖮", "张𬌗田"} {
			if !strings.Contains(txt, name) {
				t.Errorf("%s: %s does not read back", part, name)
			}
		}
	}
}
