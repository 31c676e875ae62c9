// Package xlsx writes the 汇总 workbook of huanjie batch with excelize:
// sheets of statistics cells (district.Cell), each with a frozen, filtered
// header row and columns wide enough for their Chinese text. Counts are
// written as numbers and percentages as numbers formatted "0.0%", so an
// office can sum and sort them. It knows no election: the sheets are
// given whole.
package xlsx

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/rivo/uniseg"
	"github.com/xuri/excelize/v2"

	"huanjie/generator/district"
)

// Sheet is one worksheet: a header row, rows, an optional totals row (set
// in bold) and notes under the table.
type Sheet struct {
	Name   string
	Header []string
	Rows   [][]district.Cell
	Total  []district.Cell
	Notes  []string
}

// Book is the whole workbook. Date fixes the document properties, so the
// same data give the same bytes.
type Book struct {
	Title  string
	Author string
	Date   time.Time
	Sheets []Sheet
}

// Write writes the workbook.
func Write(w io.Writer, b Book) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, s := range b.Sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return err
		}
		if err := writeSheet(f, st, s); err != nil {
			return fmt.Errorf("工作表 %s：%v", s.Name, err)
		}
	}
	f.SetActiveSheet(0)
	date := b.Date.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Title: b.Title, Creator: b.Author, LastModifiedBy: b.Author, Created: date, Modified: date, Language: "zh-CN"}); err != nil {
		return err
	}
	return f.Write(w)
}

type styles struct {
	header, text, count, ratio, decimal, change int
	bold                                        map[int]int // the bold variant of each
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1}, {Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	font := func(bold bool) *excelize.Font { return &excelize.Font{Family: "宋体", Size: 11, Bold: bold} }
	st := &styles{bold: map[int]int{}}
	mk := func(numFmt string, align string, bold bool, fill bool) (int, error) {
		// Only the header wraps: a long finding runs on into the empty
		// cells to its right rather than hiding in a row of fixed height.
		s := &excelize.Style{Border: border, Font: font(bold), Alignment: &excelize.Alignment{Horizontal: align, Vertical: "center", WrapText: fill}}
		if numFmt != "" {
			s.CustomNumFmt = &numFmt
		}
		if fill {
			s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7EEF7"}}
		}
		return f.NewStyle(s)
	}
	var err error
	for _, x := range []struct {
		id     *int
		numFmt string
		align  string
	}{{&st.text, "", "left"}, {&st.count, "0", "right"}, {&st.ratio, "0.0%", "right"}, {&st.decimal, "0.0", "right"}, {&st.change, "+0.0;-0.0;0.0", "right"}} {
		if *x.id, err = mk(x.numFmt, x.align, false, false); err != nil {
			return nil, err
		}
		if st.bold[*x.id], err = mk(x.numFmt, x.align, true, false); err != nil {
			return nil, err
		}
	}
	if st.header, err = mk("", "center", true, true); err != nil {
		return nil, err
	}
	return st, nil
}

func (st *styles) of(c district.Cell) int {
	switch c.Kind {
	case district.Count:
		return st.count
	case district.Ratio:
		return st.ratio
	case district.Decimal:
		return st.decimal
	case district.Change:
		return st.change
	}
	return st.text
}

// value is what goes into the cell: numbers as numbers (a percentage as a
// fraction, for the "0.0%" format), an empty label as nothing.
func value(c district.Cell) any {
	switch c.Kind {
	case district.Count:
		return int(c.Num)
	case district.Ratio:
		return math.Round(c.Num*10) / 1000 // 91.3 → 0.913 exactly as written
	case district.Decimal, district.Change:
		return c.Num
	}
	if c.Text == "" {
		return nil
	}
	return c.Text
}

func writeSheet(f *excelize.File, st *styles, s Sheet) error {
	name := s.Name
	ncol := len(s.Header)
	widths := make([]float64, ncol)
	measure := func(col int, text string) {
		// Excel measures in widths of "0": a Chinese character is two.
		widths[col] = max(widths[col], float64(uniseg.StringWidth(text))*1.15+2)
	}
	for c, h := range s.Header {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		if err := f.SetCellValue(name, cell, h); err != nil {
			return err
		}
		measure(c, h)
	}
	last, _ := excelize.CoordinatesToCellName(ncol, 1)
	if err := f.SetCellStyle(name, "A1", last, st.header); err != nil {
		return err
	}
	rows := s.Rows
	if s.Total != nil {
		rows = append(rows[:len(rows):len(rows)], s.Total)
	}
	for r, row := range rows {
		bold := s.Total != nil && r == len(rows)-1
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			if x := value(v); x != nil {
				if err := f.SetCellValue(name, cell, x); err != nil {
					return err
				}
			}
			id := st.of(v)
			if bold {
				id = st.bold[id]
			}
			if err := f.SetCellStyle(name, cell, cell, id); err != nil {
				return err
			}
			measure(c, v.String())
		}
	}
	for i, note := range s.Notes {
		cell, _ := excelize.CoordinatesToCellName(1, len(rows)+3+i)
		if err := f.SetCellValue(name, cell, note); err != nil {
			return err
		}
	}
	for c, w := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(name, col, col, min(w, 60)); err != nil {
			return err
		}
	}
	// Printed: A4 landscape, as wide as one page, the header on every page.
	size, orient, wide, tall := 9, "landscape", 1, 0
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name, RefersTo: "'" + name + "'!$1:$1"}); err != nil {
		return err
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if len(s.Rows) > 0 {
		end, _ := excelize.CoordinatesToCellName(ncol, len(s.Rows)+1)
		if err := f.AutoFilter(name, "A1:"+end, nil); err != nil {
			return err
		}
	}
	fit := true // after AutoFilter, which rewrites the sheet properties
	return f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit})
}
