package web

import (
	"strings"
	"testing"
)

// Every key the model accepts has a line in the schema table: a label in
// Chinese for the page and the saved file. When a branch adds a key to
// generator/election, this test names the line to add to schema.go.
func TestEveryModelKeyHasALabel(t *testing.T) {
	var missing []string
	schema.walk(func(f *field) {
		if f.Spec.Path == "" {
			missing = append(missing, f.Path)
		}
	})
	if len(missing) > 0 {
		t.Errorf("keys of the model without a line in internal/web/schema.go (add {Path: …, Label: \"…\"} for each):\n  %s", strings.Join(missing, "\n  "))
	}
	known := map[string]bool{}
	schema.walk(func(f *field) { known[f.Path] = true })
	for _, k := range keys {
		if !known[k.Path] {
			t.Logf("schema line for a key the model does not have (yet): %s", k.Path)
		}
	}
}

func TestSchemaLines(t *testing.T) {
	groupIDs := map[string]bool{}
	for _, g := range groups {
		groupIDs[g.ID] = true
	}
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k.Path] {
			t.Errorf("%s: two lines", k.Path)
		}
		seen[k.Path] = true
		if k.Label == "" {
			t.Errorf("%s: no label", k.Path)
		}
		if k.Group != "" && !groupIDs[k.Group] {
			t.Errorf("%s: no section %q", k.Path, k.Group)
		}
		if strings.Contains(k.Path, "[") {
			t.Errorf("%s: schema paths have no indices", k.Path)
		}
	}
	// Every top-level key is placed in a section.
	for _, f := range schema.Children {
		if f.Spec.Group == "" {
			t.Errorf("top-level key %s has no section", f.Path)
		}
	}
	// Keys below the top take their parent's section.
	schema.walk(func(f *field) {
		if strings.Contains(f.Path, ".") && f.Spec.Group != "" {
			t.Errorf("%s: only top-level keys name a section", f.Path)
		}
	})
}

// The page shows every key of the model in exactly one section, in the
// order of the schema table.
func TestSectionsHoldEveryKey(t *testing.T) {
	count := map[string]int{}
	var visit func(c *control)
	visit = func(c *control) {
		count[c.Path]++
		for _, ch := range c.Children {
			visit(ch)
		}
	}
	for _, s := range sections() {
		for _, c := range s.Controls {
			visit(c)
		}
	}
	schema.walk(func(f *field) {
		if count[f.Path] != 1 {
			t.Errorf("%s shown %d times", f.Path, count[f.Path])
		}
	})
	org := sections()[0]
	if org.Title != "组织" || org.Controls[0].Path != "kind" || org.Controls[1].Children[0].Path != "organization.name" {
		t.Errorf("first section: %s %s", org.Title, org.Controls[0].Path)
	}
	for _, s := range sections() {
		if s.ID == "meeting" && !s.After {
			t.Error("the meeting's section is not marked as after the meeting")
		}
		if s.ID == "plan" && s.After {
			t.Error("the plan's section is marked as after the meeting")
		}
	}
}

func TestWidgets(t *testing.T) {
	want := map[string]string{
		"kind":                       "select",
		"organization.name":          "text",
		"organization.elected_on":    "date",
		"members.total":              "int",
		"members.expected":           "int",
		"members.excluded":           "grid",
		"candidates":                 "grid",
		"candidates.incumbent":       "check",
		"candidates.gender":          "select",
		"meeting":                    "inline",
		"meeting.votes":              "pairs",
		"meeting.scrutineers":        "names",
		"meeting.another_round":      "blocks",
		"meeting.revote":             "blocks",
		"first_meeting.duties":       "pairs",
		"report.sections":            "grid",
		"report.sections.paragraphs": "lines",
		"report.intro":               "textarea",
		"previous.average_age":       "float",
		"rules.ballot_seal_box":      "tri",
		"rules.quorum_ratio":         "text",
		"contact":                    "fieldset",
	}
	schema.walk(func(f *field) {
		if w, ok := want[f.Path]; ok {
			if got := widget(f); got != w {
				t.Errorf("%s: widget %s, want %s", f.Path, got, w)
			}
			delete(want, f.Path)
		}
	})
	for p := range want {
		t.Errorf("%s not in the model", p)
	}
}
