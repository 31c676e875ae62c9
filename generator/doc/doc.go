// Package doc is the small document model every template produces and every
// renderer (PDF, DOCX) consumes. It knows the parts a 公文 is made of
// (GB/T 9704-2012) and nothing about elections; renderers know this model and
// nothing about elections either.
//
// All text is final text: templates have already numbered headings
// ("一、", "（一）"), formatted dates and joined names. Renderers only place it.
package doc

import "time"

// Role names the typeface a piece of text is set in. The font set maps a role
// to a concrete font (the user's 公文 fonts when present, else the free stand-ins).
type Role int

const (
	FangSong     Role = iota // 仿宋: body text, levels 3–4, 署名, 日期, 附注, 版记
	XiaoBiaoSong             // 小标宋: document title, 发文机关标志
	HeiTi                    // 黑体: level-1 headings, "附件" label, table headers
	KaiTi                    // 楷体: level-2 headings, 签发人 name
	SongTi                   // 宋体: page numbers
)

// String gives the role's Chinese name, as `huanjie fonts` prints it.
func (r Role) String() string {
	switch r {
	case FangSong:
		return "仿宋"
	case XiaoBiaoSong:
		return "小标宋"
	case HeiTi:
		return "黑体"
	case KaiTi:
		return "楷体"
	case SongTi:
		return "宋体"
	}
	return "未知"
}

// Roles lists every role, in a stable order.
var Roles = []Role{XiaoBiaoSong, FangSong, HeiTi, KaiTi, SongTi}

// Align is horizontal alignment.
type Align int

const (
	AlignDefault Align = iota // the element's own default (justified body text, centred title…)
	AlignLeft
	AlignCenter
	AlignRight
)

// Standard sizes in points (GB/T 9704 号数).
const (
	Size2  = 22.0 // 二号: title
	Size3  = 16.0 // 三号: body
	Size4  = 14.0 // 四号: page numbers, 版记
	Size5  = 10.5 // 五号
	Size12 = 12.0 // 小四: smallest text allowed on a ballot
)

// Document is one 公文 (or one form such as a ballot) ready to render.
type Document struct {
	Meta Meta

	// Layout selects the page model. LayoutGongwen is the GB/T 9704 grid
	// (A4, 22 lines × 28 characters). LayoutForm is free placement for
	// ballots and counting forms: sizes are taken from the blocks themselves.
	Layout Layout

	// Sheet is used by LayoutForm only: paper, how many copies of the form
	// go on one sheet, and how many copies to print.
	Sheet Sheet

	// Draft stamps a visible 草稿 mark on every page.
	Draft bool

	// Letterhead is the optional 版头 (red 发文机关标志, 发文字号, 签发人, red rule).
	Letterhead *Letterhead

	// Blocks is the 主体 in reading order.
	Blocks []Block

	// Imprint is the optional 版记, placed at the bottom of the last
	// (even-numbered) page.
	Imprint *Imprint
}

// Layout is the page model.
type Layout int

const (
	LayoutGongwen Layout = iota
	LayoutForm
)

// Meta is the document information written into PDF Info / DOCX core
// properties. Date fixes every timestamp so output is byte-identical.
type Meta struct {
	Title    string
	Author   string
	Subject  string
	Keywords string
	Lang     string // "zh-CN" when empty
	Date     time.Time
}

// Time is the document's one timestamp, in UTC: Date, or 1 January 2000
// when it is not set (never the clock, so output stays the same).
func (m Meta) Time() time.Time {
	if m.Date.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return m.Date.UTC()
}

// Sheet describes physical paper for LayoutForm documents.
type Sheet struct {
	Paper    string // "A4" (portrait) or "A5" (portrait); "A4" when empty
	PerSheet int    // copies of the form per sheet: 1, 2 or 4 (with cut marks when >1)
	Copies   int    // copies of the form to print in total; 1 when 0
	Tint     string // optional colour hint for the ballot kind, e.g. "#FDECEC"; empty = white
}

// Letterhead is the 版头.
type Letterhead struct {
	Organ   string   // 发文机关标志 without "文件" (the renderer adds nothing)
	Number  string   // 发文字号, e.g. "东社支〔2024〕3号"; may be empty
	Signers []string // 签发人 names (上行文); empty for none
}

// Block is one element of the 主体.
type Block interface{ block() }

// Title is the document title (2号小标宋, centred). Phrases are the units the
// title may be broken between; the renderer never breaks inside a phrase
// unless a single phrase is longer than a line, and prefers a longer line
// above a shorter one.
type Title struct {
	Phrases []string
}

// Addressee is the 主送机关 line, flush left, text including the final "：".
type Addressee struct {
	Text string
}

// Heading is a numbered heading. Level 1 "一、" 黑体, level 2 "（一）" 楷体,
// levels 3 "1." and 4 "（1）" 仿宋. Text includes its number. A heading is
// kept on the same page as the block after it.
type Heading struct {
	Level int
	Text  string
}

// Paragraph is body text: 3号仿宋 with a two-character first-line indent
// unless NoIndent. Role and Size override the defaults when non-zero.
type Paragraph struct {
	Text     string
	NoIndent bool
	Align    Align
	Role     Role
	Size     float64
	Bold     bool
}

// List is a run of items, each set as its own indented paragraph with the
// marker in front (e.g. "1." or "（1）"); wrapped lines are flush left.
type List struct {
	Items  []string
	Marker string // "1." (numbered 1. 2. 3.), "（1）", "一、", or "" for none
}

// Table is a bordered table. Widths are in characters of the table's font
// size; the renderer scales them to the text block when they do not add up.
// Header rows repeat at the top of every page the table continues on.
type Table struct {
	Caption string // optional, centred above the table in 黑体
	Columns []Column
	Header  []Row
	Rows    []Row
	Size    float64 // font size in pt; 0 = 14 pt (四号)
}

// Column describes one table column.
type Column struct {
	Width float64 // in characters
	Align Align   // AlignDefault = centred
}

// Row is one table row.
type Row struct {
	Cells []Cell
}

// Cell is one table cell. A cell spanning several columns or rows is given
// once, at its top-left position; the positions it covers are omitted from
// the following cells of that row and from the rows below.
type Cell struct {
	Text    string
	ColSpan int // 0 or 1 = one column
	RowSpan int // 0 or 1 = one row
	Align   Align
	Bold    bool
}

// AttachmentNote is the 附件说明 ("附件：1.××"), one blank line below the body.
type AttachmentNote struct {
	Items []string
}

// Signature is the 发文机关署名 and 成文日期. Sealed selects the placement for
// a sealed document (date 4 characters in from the right, organ centred on
// it); otherwise the unsealed placement (organ 2 characters in from the
// right, date below it offset by 2 characters).
type Signature struct {
	Organ  string
	Date   string // already formatted, e.g. "2024年6月20日"
	Sealed bool
}

// Note is the 附注, e.g. "（联系人：李明，电话：028-84326688）", set on the line
// below the date, two characters in from the left.
type Note struct {
	Text string
}

// Attachment starts on a new page: "附件1" (or "附件") flush left in 黑体 on
// the first line, the title centred on the third line, then its blocks.
type Attachment struct {
	Label  string // "附件" or "附件1"
	Title  string
	Blocks []Block
}

// PageBreak starts a new page.
type PageBreak struct{}

// Spacer leaves blank grid lines (LayoutGongwen) or millimetres (LayoutForm).
type Spacer struct {
	Lines float64
}

// Form is a grid of fixed-size cells for ballots and counting forms. Sizes
// are in millimetres; the renderer never shrinks text below its Size and
// reports an error when a cell's text cannot fit.
type Form struct {
	Rows []FormRow
}

// FormRow is one row of a Form.
type FormRow struct {
	Height float64 // mm
	Cells  []FormCell
}

// FormCell is one cell of a Form.
type FormCell struct {
	Width    float64 // mm
	Text     string
	Role     Role
	Size     float64 // pt; 0 = 14
	Align    Align   // AlignDefault = centred
	Bold     bool
	NoBorder bool
	Shade    bool // light grey background (header cells)
	Join     bool // continues the cell above it (same x and width): no rule between them
}

// Imprint is the 版记: 抄送 and 印发机关/印发日期 between thick and thin rules.
type Imprint struct {
	CC        []string // 抄送机关, joined with "，" and ended with "。"
	Printer   string   // 印发机关
	PrintDate string   // "2024年6月20日印发" is composed by the renderer from this date text
}

func (Title) block()          {}
func (Addressee) block()      {}
func (Heading) block()        {}
func (Paragraph) block()      {}
func (List) block()           {}
func (Table) block()          {}
func (AttachmentNote) block() {}
func (Signature) block()      {}
func (Note) block()           {}
func (Attachment) block()     {}
func (PageBreak) block()      {}
func (Spacer) block()         {}
func (Form) block()           {}
