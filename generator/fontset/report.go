package fontset

import (
	"fmt"
	"strings"

	"huanjie/generator/doc"
)

// RoleReport describes how one role is served, for `huanjie fonts`.
type RoleReport struct {
	Role    doc.Role
	Faces   []FaceReport // the chain, primary first
	Skipped []SkipReport // files that could have served the role but cannot be used
}

// FaceReport is one face of a chain.
type FaceReport struct {
	Family      string // as Face.Family
	LocalFamily string // as Face.LocalFamily
	Source      string // as Face.Source
	Kind        string // 用户字体, 系统字体, 内置替代字体, 内置后备字体 or 内置字体
}

// SkipReport is a font file (or collection member, "path#index") that was
// not used, with the reason in Chinese.
type SkipReport struct {
	Path   string
	Reason string
	// Shared marks files not tied to one role (e.g. a corrupt file in
	// Options.Dir): they appear in every role's list and FormatReport
	// prints them once.
	Shared bool
}

// Report returns, per role in doc.Roles order, the chain and the skipped files.
func (s *Set) Report() []RoleReport {
	out := make([]RoleReport, len(s.report))
	for i, r := range s.report {
		out[i] = RoleReport{
			Role:    r.Role,
			Faces:   append([]FaceReport(nil), r.Faces...),
			Skipped: append([]SkipReport(nil), r.Skipped...),
		}
	}
	return out
}

func makeReport(s *Set, roleSkips map[doc.Role][]skip, shared []skip, capped bool) []RoleReport {
	var sharedR []SkipReport
	for _, sk := range shared {
		sharedR = append(sharedR, SkipReport{Path: sk.path, Reason: sk.reason, Shared: true})
	}
	if capped {
		sharedR = append(sharedR, SkipReport{Reason: fmt.Sprintf("字体文件过多，只检查了前 %d 个", maxFiles), Shared: true})
	}
	var out []RoleReport
	for _, role := range doc.Roles {
		rr := RoleReport{Role: role}
		for _, f := range s.chains[role] {
			rr.Faces = append(rr.Faces, FaceReport{
				Family:      f.Family,
				LocalFamily: f.LocalFamily,
				Source:      f.Source,
				Kind:        kindOf(f, role),
			})
		}
		seen := map[string]bool{}
		for _, sk := range roleSkips[role] {
			key := sk.path + "\x00" + sk.reason
			if seen[key] {
				continue
			}
			seen[key] = true
			rr.Skipped = append(rr.Skipped, SkipReport{Path: sk.path, Reason: sk.reason})
		}
		rr.Skipped = append(rr.Skipped, sharedR...)
		out = append(out, rr)
	}
	return out
}

func kindOf(f *Face, role doc.Role) string {
	switch f.origin {
	case originUser:
		return "用户字体"
	case originSystem:
		return "系统字体"
	}
	switch f.Source {
	case "内置:" + standIn[role]:
		return "内置替代字体"
	case "内置:" + fallbackFile:
		return "内置后备字体"
	}
	return "内置字体"
}

// FormatReport renders reports as the Chinese listing `huanjie fonts` prints.
func FormatReport(r []RoleReport) string {
	var b strings.Builder
	b.WriteString("各角色使用的字体（按回退顺序：逐字检查，前一个字体缺字时改用下一个）\n")
	var shared []SkipReport
	sharedSeen := map[string]bool{}
	for _, rr := range r {
		fmt.Fprintf(&b, "\n%s\n", rr.Role)
		if len(rr.Faces) == 0 {
			b.WriteString("  （没有可用字体）\n")
		}
		for i, f := range rr.Faces {
			name := f.Family
			if f.LocalFamily != "" && f.LocalFamily != f.Family {
				name = f.LocalFamily + "（" + f.Family + "）"
			}
			fmt.Fprintf(&b, "  %d. %s　%s　%s\n", i+1, name, f.Kind, f.Source)
		}
		var own []SkipReport
		for _, sk := range rr.Skipped {
			if sk.Shared {
				key := sk.Path + "\x00" + sk.Reason
				if !sharedSeen[key] {
					sharedSeen[key] = true
					shared = append(shared, sk)
				}
				continue
			}
			own = append(own, sk)
		}
		if len(own) > 0 {
			b.WriteString("  未使用的字体文件：\n")
			for _, sk := range own {
				fmt.Fprintf(&b, "    %s：%s\n", sk.Path, sk.Reason)
			}
		}
	}
	if len(shared) > 0 {
		b.WriteString("\n其他未使用的字体文件\n")
		for _, sk := range shared {
			if sk.Path == "" {
				fmt.Fprintf(&b, "  %s\n", sk.Reason)
				continue
			}
			fmt.Fprintf(&b, "  %s：%s\n", sk.Path, sk.Reason)
		}
	}
	return b.String()
}
