package pdf

import (
	"encoding/xml"
	"strings"
	"sync"

	"huanjie/generator/doc"
	"huanjie/generator/pdf/srgb"
)

// PDF/A-2b (ISO 19005-2, level B): the document information lives twice,
// in the Info dictionary and in XMP metadata that names the conformance
// (pdfaid:part 2, conformance B), with equal values and dates; colours
// are sRGB through an OutputIntent that embeds the profile; the trailer
// carries an /ID; every font is embedded (fonts.go).

const producer = "huanjie"

// info is the Info dictionary.
func info(m doc.Meta) []byte {
	d := "(D:" + m.Time().Format("20060102150405") + "Z)"
	var b strings.Builder
	b.WriteString("<<")
	for _, kv := range [][2]string{{"Title", m.Title}, {"Author", m.Author}, {"Subject", m.Subject}, {"Keywords", m.Keywords}} {
		if kv[1] != "" {
			b.WriteString("/" + kv[0] + textString(kv[1]))
		}
	}
	b.WriteString("/Creator(" + producer + ")/Producer(" + producer + ")/CreationDate" + d + "/ModDate" + d + ">>")
	return []byte(b.String())
}

// xmp is the metadata stream: the same values as info.
func xmp(m doc.Meta) []byte {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := m.Time().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" +
		" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n" +
		"<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n<dc:format>application/pdf</dc:format>\n")
	if m.Title != "" {
		b.WriteString("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(m.Title) + "</rdf:li></rdf:Alt></dc:title>\n")
	}
	if m.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(m.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if m.Subject != "" {
		b.WriteString("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(m.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	if m.Keywords != "" {
		b.WriteString("<pdf:Keywords>" + esc(m.Keywords) + "</pdf:Keywords>\n")
	}
	b.WriteString("<pdf:Producer>" + producer + "</pdf:Producer>\n<xmp:CreatorTool>" + producer + "</xmp:CreatorTool>\n" +
		"<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n" +
		"<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n" +
		"</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}

// outputIntent is the catalog's OutputIntents array for the profile
// stream object icc.
func outputIntent(icc int) string {
	return "[<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier(sRGB IEC61966-2.1)" +
		"/RegistryName(http://www.color.org)/Info(sRGB IEC61966-2.1)/DestOutputProfile " + ref(icc) + ">>]"
}

// iccStream is the profile compressed once per process.
var iccStream = sync.OnceValue(func() []byte { return deflate(srgb.Profile, &zlibPool) })
