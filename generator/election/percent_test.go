package election

import "testing"

// One helper writes every percentage, share and change of every document
// (the single election's and the district's).
func TestPercentText(t *testing.T) {
	for _, c := range []struct {
		n, d int
		want string
	}{{1, 5, "20%"}, {15, 33, "45.5%"}, {5, 5, "100%"}, {0, 7, "0%"}, {1, 3, "33.3%"}, {2, 3, "66.7%"}, {33, 37, "89.2%"}, {3, 0, ""}} {
		if got := PctOf(c.n, c.d); got != c.want {
			t.Errorf("PctOf(%d, %d) = %q, want %q", c.n, c.d, got, c.want)
		}
	}
	for p, want := range map[float64]string{20: "20%", 20.04: "20%", 66.66: "66.7%", 100: "100%", 0: "0%", 12.5: "12.5%"} {
		if got := Pct(p); got != want {
			t.Errorf("Pct(%v) = %q, want %q", p, got, want)
		}
	}
	if got := ShareText(15, 33); got != "15名，占45.5%" {
		t.Errorf("ShareText = %q", got)
	}
	if ShareText(0, 0) != "" {
		t.Error("a share of nothing is written")
	}
	if got := (Share{Count: 2, Percent: 40}).Text(); got != "2名，占40%" {
		t.Errorf("Share.Text = %q", got)
	}
	if got := (Share{Count: 0, Percent: 0}).Text(); got != "" {
		t.Errorf("Share.Text of none = %q, want it left out", got)
	}
	for _, c := range []struct {
		d          float64
		unit, than string
		want       string
	}{
		{1.6, "个百分点", "比换届前", "比换届前提高1.6个百分点"}, {-0.7, "岁", "比换届前", "比换届前降低0.7岁"},
		{2, "岁", "比换届前", "比换届前增加2岁"}, {0.04, "个百分点", "比换届前", "与换届前持平"},
		{20, "个百分点", "较上届", "较上届提高20个百分点"}, {-9, "岁", "较上届", "较上届降低9岁"}, {0, "岁", "较上届", "与上届持平"},
	} {
		if got := Change(c.d, c.unit, c.than); got != c.want {
			t.Errorf("Change(%v, %s, %s) = %q, want %q", c.d, c.unit, c.than, got, c.want)
		}
	}
	if One(-0.04) != "0" || One(43.4) != "43.4" || One(45) != "45" {
		t.Errorf("One: %q %q %q", One(-0.04), One(43.4), One(45))
	}
}
