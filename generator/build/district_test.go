package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"huanjie/generator/election"
	"huanjie/internal/testenv"
)

func districtFixture(t testing.TB) []*election.Election {
	t.Helper()
	files, _ := filepath.Glob("../district/testdata/branches/*.toml")
	if len(files) != 12 {
		t.Fatalf("fixture: %d files", len(files))
	}
	var es []*election.Election
	for _, f := range files {
		e, err := election.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, e)
	}
	return es
}

// TestDistrictDocument renders the 汇总 of the twelve-branch fixture and
// reads the PDF back: the figures of district_test.go, in the genre's
// words, and the statistics tables.
func TestDistrictDocument(t *testing.T) {
	pdftotext := testenv.Tool(t, "pdftotext")
	v := NewDistrictView(districtFixture(t))
	if v.Office != "中共圣灯街道工作委员会" || v.Date != (election.Date{Year: 2024, Month: 9, Day: 12}) {
		t.Errorf("office %q date %v", v.Office, v.Date)
	}
	dir := t.TempDir()
	outs, err := District(v, Options{Out: dir, Formats: []string{"pdf", "docx"}, NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 2 || filepath.Base(outs[0].Path) != "换届选举情况汇总.pdf" || filepath.Base(outs[1].Path) != "换届选举情况汇总.docx" {
		t.Fatalf("outputs %v", outs)
	}
	if err := Write(outs); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, outs[0].Path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	for _, want := range []string{
		"中共圣灯街道工作委员会基层党组织换届选举情况汇总",
		"本次汇总基层党组织12个，已完成换届选举9个，占75%，其中一次选举成功8个，经另行选举选足委员名额1个",
		"应到会有选举权的党员227名，实到209名，参会率92.1%，各党组织在86.4%至100%之间",
		"新一届委员会共有委员33名。其中，女性15名，占45.5%，比换届前提高22.2个百分点",
		"平均年龄43.8岁，比换届前降低8.1岁",
		"新当选书记9名。其中，女性5名，占55.6%；平均年龄46.4岁，45岁及以下的3名，占33.3%",
		"新任书记4名，平均年龄44.8岁，比新当选书记的平均年龄低1.6岁",
		"“一肩挑”的3名，占50%",
		"桥头村党支部：到会人数不足，会议无效",
		"表1新一届委员会委员结构",
		"附件",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("汇总 lacks %q", want)
		}
	}
	if strings.Contains(text, ".0%") {
		t.Error("a whole percentage written with .0")
	}
	again, err := District(v, Options{Out: dir, Formats: []string{"pdf", "docx"}, NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range outs {
		if string(again[i].Data) != string(outs[i].Data) {
			t.Errorf("%s differs between two runs", outs[i].Path)
		}
	}
	if keep := os.Getenv("HUANJIE_KEEP"); keep != "" { // to look at it
		for _, o := range outs {
			os.WriteFile(filepath.Join(keep, filepath.Base(o.Path)), o.Data, 0o644)
		}
	}
}
