package election

import (
	"strings"
	"testing"
)

func TestTermEnd(t *testing.T) {
	for _, c := range []struct {
		start Date
		years int
		want  Date
	}{
		{Date{2021, 7, 10}, 3, Date{2024, 7, 10}},
		{Date{2019, 12, 31}, 5, Date{2024, 12, 31}},
		{Date{2020, 2, 29}, 3, Date{2023, 2, 28}},
		{Date{2020, 2, 29}, 4, Date{2024, 2, 29}},
		{Date{2021, 7, 0}, 3, Date{2024, 7, 0}},
	} {
		if got := TermEnd(c.start, c.years); got != c.want {
			t.Errorf("TermEnd(%v, %d) = %v, want %v", c.start, c.years, got, c.want)
		}
	}
	if got := (Date{2024, 7, 10}).MonthText(); got != "2024年7月" {
		t.Errorf("MonthText = %q", got)
	}
}

func TestDefaultTerm(t *testing.T) {
	for _, c := range []struct {
		kind, unit string
		want       int
	}{
		{KindBranch, "", 3},
		{KindBranch, UnitOther, 3},
		{KindBranch, UnitSchool, 3},
		{KindGeneralBranch, UnitEnterprise, 3},
		{KindCommittee, UnitOrgan, 5},
		{KindCommittee, "", 5},
		{KindBranch, UnitVillage, 5},
		{KindGeneralBranch, UnitCommunity, 5},
	} {
		if got := DefaultTermYears(c.kind, c.unit); got != c.want {
			t.Errorf("DefaultTermYears(%q, %q) = %d, want %d", c.kind, c.unit, got, c.want)
		}
	}
	// The sample gives term_years = 3: it wins over the community default.
	e := edit(t, "term_years = 3", "term_years = 3\nunit = \"community\"")
	if e.TermYears() != 3 || e.Unit() != UnitCommunity {
		t.Errorf("term %d unit %q", e.TermYears(), e.Unit())
	}
	// Omitted: a community branch serves 5 years.
	e = edit(t, "term_years = 3", "unit = \"community\"")
	end, ok := e.TermEnd()
	if e.TermYears() != 5 || !ok || end != (Date{2026, 7, 10}) {
		t.Errorf("term %d end %v %v", e.TermYears(), end, ok)
	}
	e = edit(t, "term_years = 3", "")
	if e.TermYears() != 3 || e.Unit() != UnitOther {
		t.Errorf("default branch term %d unit %q", e.TermYears(), e.Unit())
	}
	e = edit(t, "elected_on = 2021-07-10", "")
	if _, ok := e.TermEnd(); ok {
		t.Error("term end without elected_on")
	}
}

func TestUnitValidation(t *testing.T) {
	e := edit(t, "term_years = 3", "term_years = 3\nunit = \"vilage\"")
	f, ok := find(e.Findings, "unit")
	if !ok || f.Level != LevelError || f.Line != 16 || !strings.Contains(f.Message, "是否应为 village？") {
		t.Fatalf("finding %+v %v", f, ok)
	}
	e = edit(t, "term_years = 3", "term_years = 3\nunit = \"社区\"")
	if f, ok := find(e.Findings, "unit"); !ok || !strings.Contains(f.Message, "是否应为 community？") {
		t.Errorf("Chinese label: %+v", f)
	}
	e = edit(t, "term_years = 3", "term_years = 3\nunit = \"institution\"")
	if _, ok := find(e.Findings, "unit"); ok {
		t.Error("valid unit refused")
	}
}
