package docx

import (
	"fmt"
	"strings"

	"huanjie/generator/doc"
)

const (
	nsW   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR   = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	xmlHd = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

func contentTypes(draft, footers bool) []byte {
	var b strings.Builder
	b.WriteString(xmlHd)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	ov := func(name, ct string) {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s"/>`, name, ct)
	}
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	ov("/word/document.xml", wml+"document.main+xml")
	ov("/word/styles.xml", wml+"styles+xml")
	ov("/word/settings.xml", wml+"settings+xml")
	ov("/word/fontTable.xml", wml+"fontTable+xml")
	ov("/word/webSettings.xml", wml+"webSettings+xml")
	if footers {
		ov("/word/footer1.xml", wml+"footer+xml")
		ov("/word/footer2.xml", wml+"footer+xml")
	}
	if draft {
		ov("/word/header1.xml", wml+"header+xml")
		ov("/word/header2.xml", wml+"header+xml")
	}
	ov("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	ov("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	b.WriteString(`</Types>`)
	return []byte(b.String())
}

const packageRels = xmlHd + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

// Relationship ids used by document.xml.
const (
	ridFooterOdd  = "rId10"
	ridFooterEven = "rId11"
	ridHeaderOdd  = "rId12"
	ridHeaderEven = "rId13"
)

func documentRels(draft, footers bool) []byte {
	var b strings.Builder
	b.WriteString(xmlHd)
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	rel := func(id, typ, target string) {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>`, id, typ, target)
	}
	rel("rId1", "styles", "styles.xml")
	rel("rId2", "settings", "settings.xml")
	rel("rId3", "fontTable", "fontTable.xml")
	rel("rId4", "webSettings", "webSettings.xml")
	if footers {
		rel(ridFooterOdd, "footer", "footer1.xml")
		rel(ridFooterEven, "footer", "footer2.xml")
	}
	if draft {
		rel(ridHeaderOdd, "header", "header1.xml")
		rel(ridHeaderEven, "header", "header2.xml")
	}
	b.WriteString(`</Relationships>`)
	return []byte(b.String())
}

func coreProps(m doc.Meta) []byte {
	lang := m.Lang
	if lang == "" {
		lang = "zh-CN"
	}
	var b strings.Builder
	b.WriteString(xmlHd)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	fmt.Fprintf(&b, `<dc:title>%s</dc:title>`, esc(m.Title))
	fmt.Fprintf(&b, `<dc:subject>%s</dc:subject>`, esc(m.Subject))
	fmt.Fprintf(&b, `<dc:creator>%s</dc:creator>`, esc(m.Author))
	fmt.Fprintf(&b, `<cp:keywords>%s</cp:keywords>`, esc(m.Keywords))
	fmt.Fprintf(&b, `<dc:language>%s</dc:language>`, esc(lang))
	fmt.Fprintf(&b, `<cp:lastModifiedBy>%s</cp:lastModifiedBy>`, esc(m.Author))
	b.WriteString(`<cp:revision>1</cp:revision>`)
	ts := m.Time().Format("2006-01-02T15:04:05Z") // W3CDTF, for dcterms:created/modified
	fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>`, ts)
	fmt.Fprintf(&b, `<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, ts)
	b.WriteString(`</cp:coreProperties>`)
	return []byte(b.String())
}

func appProps(m doc.Meta) []byte {
	var b strings.Builder
	b.WriteString(xmlHd)
	b.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	b.WriteString(`<Template>Normal.dotm</Template>`)
	b.WriteString(`<Application>huanjie</Application>`)
	b.WriteString(`<DocSecurity>0</DocSecurity>`)
	b.WriteString(`<ScaleCrop>false</ScaleCrop>`)
	fmt.Fprintf(&b, `<Company>%s</Company>`, esc(m.Author))
	b.WriteString(`<LinksUpToDate>false</LinksUpToDate>`)
	b.WriteString(`<SharedDoc>false</SharedDoc>`)
	b.WriteString(`<HyperlinksChanged>false</HyperlinksChanged>`)
	b.WriteString(`</Properties>`)
	return []byte(b.String())
}

func settingsXML(evenOdd bool) []byte {
	var b strings.Builder
	b.WriteString(xmlHd)
	b.WriteString(`<w:settings ` + nsW + `>`)
	b.WriteString(`<w:zoom w:percent="100"/>`)
	b.WriteString(`<w:defaultTabStop w:val="420"/>`)
	if evenOdd {
		b.WriteString(`<w:evenAndOddHeaders/>`)
	}
	// Punctuation keeps its full width so every line holds 28 characters.
	b.WriteString(`<w:characterSpacingControl w:val="doNotCompress"/>`)
	b.WriteString(`<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>`)
	b.WriteString(`<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>`)
	b.WriteString(`</w:compat>`)
	b.WriteString(`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>`)
	b.WriteString(`<w:decimalSymbol w:val="."/>`)
	b.WriteString(`<w:listSeparator w:val=","/>`)
	b.WriteString(`</w:settings>`)
	return []byte(b.String())
}

const webSettingsXML = xmlHd + `<w:webSettings ` + nsW + `><w:optimizeForBrowser/><w:allowPNG/></w:webSettings>`

// Font names per role. The East-Asian names are the ones Chinese Word users
// have; the font table gives the common alternates.
const (
	fontLatin = "Times New Roman"
	fontFang  = "仿宋_GB2312"
	fontXBS   = "方正小标宋简体"
	fontHei   = "黑体"
	fontKai   = "楷体_GB2312"
	fontSong  = "宋体"
)

func eastAsiaFont(r doc.Role) string {
	switch r {
	case doc.XiaoBiaoSong:
		return fontXBS
	case doc.HeiTi:
		return fontHei
	case doc.KaiTi:
		return fontKai
	case doc.SongTi:
		return fontSong
	}
	return fontFang
}

// rFonts gives the w:rFonts element for a role. Latin letters and digits are
// set in Times New Roman except in 宋体 (page numbers: half-width 宋体 digits).
func rFonts(r doc.Role) string {
	ea := eastAsiaFont(r)
	latin := fontLatin
	if r == doc.SongTi {
		latin = fontSong
	}
	return fmt.Sprintf(`<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s" w:hint="eastAsia"/>`, latin, latin, ea, latin)
}

const fontTableXML = xmlHd + `<w:fonts ` + nsW + ` ` + nsR + `>` +
	`<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="仿宋"><w:altName w:val="FangSong"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="楷体"><w:altName w:val="KaiTi"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="方正小标宋简体"><w:altName w:val="方正小标宋_GBK"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="variable"/></w:font>` +
	`</w:fonts>`

// footerXML is the page-number footer: "— N —" in 4号宋体, 1 character in
// from the outer edge (right on odd pages, left on even pages).
func footerXML(even bool) []byte {
	jc, ind := "right", `<w:ind w:right="280" w:rightChars="100"/>`
	if even {
		jc, ind = "left", `<w:ind w:left="280" w:leftChars="100"/>`
	}
	rpr := `<w:rPr>` + rFonts(doc.SongTi) + `<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>`
	var b strings.Builder
	b.WriteString(xmlHd)
	b.WriteString(`<w:ftr ` + nsW + ` ` + nsR + `>`)
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Footer"/>` + ind + `<w:jc w:val="` + jc + `"/></w:pPr>`)
	b.WriteString(`<w:r>` + rpr + `<w:t xml:space="preserve">— </w:t></w:r>`)
	b.WriteString(`<w:r>` + rpr + `<w:fldChar w:fldCharType="begin"/></w:r>`)
	b.WriteString(`<w:r>` + rpr + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`)
	b.WriteString(`<w:r>` + rpr + `<w:fldChar w:fldCharType="separate"/></w:r>`)
	b.WriteString(`<w:r>` + rpr + `<w:t>1</w:t></w:r>`)
	b.WriteString(`<w:r>` + rpr + `<w:fldChar w:fldCharType="end"/></w:r>`)
	b.WriteString(`<w:r>` + rpr + `<w:t xml:space="preserve"> —</w:t></w:r>`)
	b.WriteString(`</w:p></w:ftr>`)
	return []byte(b.String())
}

// draftHeaderXML stamps a visible 草稿 mark at the top of every page.
func draftHeaderXML() []byte {
	var b strings.Builder
	b.WriteString(xmlHd)
	b.WriteString(`<w:hdr ` + nsW + ` ` + nsR + `>`)
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>`)
	b.WriteString(`<w:r><w:rPr>` + rFonts(doc.HeiTi) + `<w:b/><w:color w:val="C00000"/><w:spacing w:val="200"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr><w:t>草稿</w:t></w:r>`)
	b.WriteString(`</w:p></w:hdr>`)
	return []byte(b.String())
}

// style describes one named style of styles.xml.
type style struct {
	id, name, based, next string
	typ                   string // "paragraph" (default) or "character"/"table"
	def                   bool
	ui                    int
	ppr, rpr              string
	extra                 string // tblPr etc.
}

// Paragraph-property snippets shared by the styles.
const (
	pGrid     = `<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>`
	pNoIndent = `<w:ind w:left="0" w:leftChars="0" w:right="0" w:rightChars="0" w:firstLine="0" w:firstLineChars="0"/>`
)

func sz(halfPts int) string {
	return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, halfPts, halfPts)
}

// Style ids (ASCII, stable) used by document.xml.
const (
	stNormal      = "Normal"
	stTitle       = "GwTitle"
	stAddressee   = "GwAddressee"
	stHeading     = "GwHeading" // + level
	stList        = "GwList"
	stAttachNote  = "GwAttachNote"
	stSignature   = "GwSignature"
	stDate        = "GwDate"
	stNote        = "GwNote"
	stImprint     = "GwImprint"
	stTable       = "GwTable"
	stTableHeader = "GwTableHeader"
	stCaption     = "GwCaption"
	stAttachLabel = "GwAttachLabel"
	stAttachTitle = "GwAttachTitle"
	stOrgan       = "GwOrgan"
	stDocNumber   = "GwDocNumber"
	stForm        = "GwForm"
)

func styleList() []style {
	return []style{
		{id: stNormal, name: "Normal", def: true, ui: 0,
			ppr: `<w:widowControl/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid/>` + pGrid + `<w:ind w:firstLine="640" w:firstLineChars="200"/><w:jc w:val="both"/>`,
			rpr: rFonts(doc.FangSong) + fmt.Sprintf(`<w:spacing w:val="%d"/><w:kern w:val="0"/>`, charSpacing) + sz(bodyHalfPts) + `<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>`},
		{id: "DefaultParagraphFont", name: "Default Paragraph Font", typ: "character", def: true, ui: 1},
		{id: "TableNormal", name: "Normal Table", typ: "table", def: true, ui: 99,
			extra: `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>`},
		{id: stTitle, name: "公文标题", based: stNormal, next: stAddressee, ui: 10,
			ppr: `<w:keepNext/><w:keepLines/><w:snapToGrid w:val="0"/>` + pNoIndent + `<w:jc w:val="center"/><w:outlineLvl w:val="0"/>`,
			rpr: rFonts(doc.XiaoBiaoSong) + sz(44)},
		{id: stAddressee, name: "主送机关", based: stNormal, next: stNormal, ui: 11,
			ppr: `<w:keepNext/>` + pNoIndent + `<w:jc w:val="left"/>`},
		{id: stHeading + "1", name: "一级标题", based: stNormal, next: stNormal, ui: 12,
			ppr: `<w:keepNext/><w:keepLines/><w:outlineLvl w:val="1"/>`, rpr: rFonts(doc.HeiTi)},
		{id: stHeading + "2", name: "二级标题", based: stNormal, next: stNormal, ui: 13,
			ppr: `<w:keepNext/><w:keepLines/><w:outlineLvl w:val="2"/>`, rpr: rFonts(doc.KaiTi)},
		{id: stHeading + "3", name: "三级标题", based: stNormal, next: stNormal, ui: 14,
			ppr: `<w:keepNext/><w:keepLines/><w:outlineLvl w:val="3"/>`},
		{id: stHeading + "4", name: "四级标题", based: stNormal, next: stNormal, ui: 15,
			ppr: `<w:keepNext/><w:keepLines/><w:outlineLvl w:val="4"/>`},
		{id: stList, name: "列表项", based: stNormal, next: stList, ui: 16},
		{id: stAttachNote, name: "附件说明", based: stNormal, next: stAttachNote, ui: 17,
			ppr: `<w:keepLines/><w:jc w:val="left"/>`},
		{id: stSignature, name: "署名", based: stNormal, next: stDate, ui: 18,
			ppr: `<w:keepNext/><w:keepLines/>` + pNoIndent + `<w:jc w:val="right"/>`},
		{id: stDate, name: "成文日期", based: stNormal, next: stNote, ui: 19,
			ppr: `<w:keepLines/>` + pNoIndent + `<w:jc w:val="right"/>`},
		{id: stNote, name: "附注", based: stNormal, next: stNormal, ui: 20},
		{id: stImprint, name: "版记", based: stNormal, next: stImprint, ui: 21,
			ppr: `<w:keepNext/><w:keepLines/>` + pNoIndent + `<w:jc w:val="left"/>`,
			rpr: sz(28)},
		{id: stTable, name: "表格", based: stNormal, next: stTable, ui: 22,
			ppr: pNoIndent + `<w:jc w:val="center"/>`, rpr: sz(28)},
		{id: stTableHeader, name: "表格标题行", based: stTable, next: stTable, ui: 23,
			rpr: rFonts(doc.HeiTi)},
		{id: stCaption, name: "表格题注", based: stNormal, next: stNormal, ui: 24,
			ppr: `<w:keepNext/>` + pNoIndent + `<w:jc w:val="center"/>`, rpr: rFonts(doc.HeiTi)},
		{id: stAttachLabel, name: "附件标识", based: stNormal, next: stAttachTitle, ui: 25,
			ppr: `<w:keepNext/>` + pNoIndent + `<w:jc w:val="left"/>`,
			rpr: rFonts(doc.HeiTi)},
		{id: stAttachTitle, name: "附件标题", based: stTitle, next: stNormal, ui: 26},
		{id: stOrgan, name: "发文机关标志", based: stNormal, next: stDocNumber, ui: 27,
			ppr: `<w:keepNext/>` + pNoIndent + `<w:jc w:val="center"/>`,
			rpr: rFonts(doc.XiaoBiaoSong) + `<w:color w:val="C8102E"/>`},
		{id: stDocNumber, name: "发文字号", based: stNormal, next: stTitle, ui: 28,
			ppr: pNoIndent + `<w:jc w:val="center"/>`},
		{id: stForm, name: "表单", based: stNormal, next: stForm, ui: 29,
			ppr: `<w:widowControl w:val="0"/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>` + pNoIndent + `<w:jc w:val="center"/>`,
			rpr: sz(28)},
		{id: "Header", name: "header", based: "", next: "Header", ui: 99,
			ppr: `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>`,
			rpr: rFonts(doc.FangSong) + sz(28)},
		{id: "Footer", name: "footer", based: "", next: "Footer", ui: 99,
			ppr: `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="` + fmt.Sprint(footerLine) + `" w:lineRule="exact"/>`,
			rpr: rFonts(doc.SongTi) + sz(28)},
	}
}

func stylesXML() []byte {
	var b strings.Builder
	b.WriteString(xmlHd)
	b.WriteString(`<w:styles ` + nsW + ` ` + nsR + `>`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + rFonts(doc.FangSong) +
		`<w:kern w:val="0"/>` + sz(bodyHalfPts) + `<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	for _, s := range styleList() {
		typ := s.typ
		if typ == "" {
			typ = "paragraph"
		}
		b.WriteString(`<w:style w:type="` + typ + `"`)
		if s.def {
			b.WriteString(` w:default="1"`)
		} else if strings.HasPrefix(s.id, "Gw") {
			b.WriteString(` w:customStyle="1"`)
		}
		b.WriteString(` w:styleId="` + s.id + `">`)
		b.WriteString(`<w:name w:val="` + esc(s.name) + `"/>`)
		if s.based != "" {
			b.WriteString(`<w:basedOn w:val="` + s.based + `"/>`)
		}
		if s.next != "" {
			b.WriteString(`<w:next w:val="` + s.next + `"/>`)
		}
		fmt.Fprintf(&b, `<w:uiPriority w:val="%d"/>`, s.ui)
		if typ == "paragraph" && s.ui < 99 {
			b.WriteString(`<w:qFormat/>`)
		}
		if s.ppr != "" {
			b.WriteString(`<w:pPr>` + s.ppr + `</w:pPr>`)
		}
		if s.rpr != "" {
			b.WriteString(`<w:rPr>` + s.rpr + `</w:rPr>`)
		}
		b.WriteString(s.extra)
		b.WriteString(`</w:style>`)
	}
	b.WriteString(`</w:styles>`)
	return []byte(b.String())
}
