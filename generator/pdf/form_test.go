package pdf

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"huanjie/generator/doc"
)

func ballotDoc(per, copies int, paper string) *doc.Document {
	names := []string{"张喆", "李堃", "王玥", "赵珺", "刘赟", "陈祎"}
	form := doc.Form{Rows: []doc.FormRow{{Height: 10, Cells: []doc.FormCell{
		{Width: 12, Text: "序号", Shade: true, Size: 12}, {Width: 28, Text: "候选人姓名", Shade: true, Size: 12},
		{Width: 14, Text: "赞成", Shade: true, Size: 12}, {Width: 17, Text: "不赞成", Shade: true, Size: 12}, {Width: 14, Text: "弃权", Shade: true, Size: 12}}}}}
	for i, n := range names {
		form.Rows = append(form.Rows, doc.FormRow{Height: 9, Cells: []doc.FormCell{
			{Width: 12, Text: itoa(i + 1), Size: 12}, {Width: 28, Text: n, Size: 14}, {Width: 14}, {Width: 17}, {Width: 14}}})
	}
	return &doc.Document{
		Meta:   doc.Meta{Title: "选票", Date: sampleDate},
		Layout: doc.LayoutForm,
		Sheet:  doc.Sheet{Paper: paper, PerSheet: per, Copies: copies, Tint: "#FDECEC"},
		Blocks: []doc.Block{
			doc.Title{Phrases: []string{"中共示例社区支部委员会", "委员选举选票"}},
			doc.Paragraph{Text: "说明：1.本届支部委员会委员应选5名，候选人6名。2.赞成的在“赞成”栏内画“○”，不赞成的画“×”，弃权的不画任何符号。", Size: 12},
			form,
		},
	}
}

func TestBallotSheets(t *testing.T) {
	pdf := renderDoc(t, ballotDoc(4, 10, "A4"))
	pages := bboxPages(t, pdf)
	if len(pages) != 3 {
		t.Fatalf("10 copies at 4 per sheet: %d sheets, want 3", len(pages))
	}
	if os.Getenv("HUANJIE_BALLOT_SAMPLE") != "" {
		os.WriteFile(os.Getenv("HUANJIE_BALLOT_SAMPLE"), pdf, 0o644)
	}
	txt := pdfText(t, pdf, "-raw")
	if n := strings.Count(txt, "候选人姓名"); n != 10 {
		t.Errorf("%d copies of the header in the text, want 10", n)
	}
	if !strings.Contains(txt, "周䶮") && !strings.Contains(txt, "李堃") {
		t.Error("names lost")
	}
	// A5, one per sheet
	a5 := bboxPages(t, renderDoc(t, ballotDoc(1, 2, "A5")))
	if len(a5) != 2 || abs(toMM(a5[0].Width)-148) > 0.1 || abs(toMM(a5[0].Height)-210) > 0.1 {
		t.Errorf("A5 ballot: %d pages %.1f×%.1f mm", len(a5), toMM(a5[0].Width), toMM(a5[0].Height))
	}
}

func TestBallotTenThousandCopiesStaySmall(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(ballotDoc(2, 10000, "A4"), testFonts(t), &buf); err != nil {
		t.Fatal(err)
	}
	if n := countPages(buf.Bytes()); n != 5000 {
		t.Errorf("%d sheets, want 5000", n)
	}
	// one template: the copies cost a few dozen bytes each
	if buf.Len() > 3<<20 {
		t.Errorf("10,000 copies take %d bytes", buf.Len())
	}
	t.Logf("10,000 ballots: %d bytes", buf.Len())
}

func TestFormCellTooSmall(t *testing.T) {
	d := ballotDoc(1, 1, "A4")
	d.Blocks = append(d.Blocks, doc.Form{Rows: []doc.FormRow{{Height: 5, Cells: []doc.FormCell{{Width: 10, Text: "很长很长的候选人姓名", Size: 14}}}}})
	err := Render(d, testFonts(t), &bytes.Buffer{})
	var fe *FormFitError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "放不下") {
		t.Fatalf("want FormFitError, got %v", err)
	}
}
