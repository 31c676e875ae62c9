package fontset

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"huanjie/generator/doc"
	"huanjie/internal/oserr"
	"huanjie/internal/regular"
)

// pref is one rank of preferred fonts for a role: family names (compared
// after normalize) and file names (lower case, without extension, so that
// simsun matches simsun.ttc and simsun.ttf).
type pref struct {
	names []string
	files []string
}

// rolePrefs lists, per role, the user fonts to look for, best first.
var rolePrefs = map[doc.Role][]pref{
	doc.XiaoBiaoSong: {
		{names: []string{"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05"},
			files: []string{"fzxbsjw", "fzxbsk"}},
	},
	doc.FangSong: {
		{names: []string{"仿宋_GB2312", "FangSong_GB2312"},
			files: []string{"fs_gb2312", "仿宋_gb2312", "simfang_gb2312"}},
		{names: []string{"仿宋", "FangSong"}, files: []string{"simfang"}},
		{names: []string{"华文仿宋", "STFangsong"}, files: []string{"stfangso", "stfangsong"}},
	},
	doc.HeiTi: {
		{names: []string{"黑体", "SimHei"}, files: []string{"simhei"}},
		{names: []string{"华文黑体", "STHeiti", "黑体-简", "Heiti SC"}, files: []string{"stheiti", "stheiti light", "stheiti medium"}},
	},
	doc.KaiTi: {
		{names: []string{"楷体_GB2312", "KaiTi_GB2312"},
			files: []string{"kt_gb2312", "楷体_gb2312", "simkai_gb2312"}},
		{names: []string{"楷体", "KaiTi"}, files: []string{"simkai"}},
		{names: []string{"华文楷体", "STKaiti", "楷体-简", "Kaiti SC"}, files: []string{"stkaiti", "kaiti"}},
	},
	doc.SongTi: {
		{names: []string{"宋体", "SimSun"}, files: []string{"simsun"}},
		{names: []string{"华文宋体", "STSong", "宋体-简", "Songti SC"}, files: []string{"stsong", "songti"}},
	},
}

// looseWords match family names by substring, for files in Options.Dir only
// (the user put them there on purpose): e.g. 方正仿宋_GBK serves 仿宋.
var looseWords = map[doc.Role][]string{
	doc.XiaoBiaoSong: {"小标宋", "xiaobiaosong", "大标宋", "dabiaosong"},
	doc.FangSong:     {"仿宋", "fangsong"},
	doc.HeiTi:        {"黑体", "heiti", "simhei"},
	doc.KaiTi:        {"楷", "kaiti"},
	doc.SongTi:       {"宋体", "songti", "书宋", "shusong", "simsun", "stsong"},
}

// normalize lower-cases a name and drops spaces, hyphens and underscores.
func normalize(s string) string {
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '\u3000':
			return -1
		}
		return r
	}, s)
}

var normPrefs = func() map[doc.Role][]pref {
	m := map[doc.Role][]pref{}
	for role, ps := range rolePrefs {
		for _, p := range ps {
			var q pref
			for _, n := range p.names {
				q.names = append(q.names, normalize(n))
			}
			q.files = p.files
			m[role] = append(m[role], q)
		}
	}
	return m
}()

// roleRanks returns, per role the face matches, its rank (0 best). base is
// the lower-case file name without extension, used for face 0 only.
func roleRanks(h *faceHeader, base string, loose bool) map[doc.Role]int {
	names := make([]string, len(h.names))
	for i, n := range h.names {
		names[i] = normalize(n)
	}
	if h.index == 0 && base != "" {
		// A file named after its family ("仿宋_GB2312.ttf") counts as that name.
		names = append(names, normalize(base))
	}
	out := map[doc.Role]int{}
	for _, role := range doc.Roles {
		best := -1
		for rank, p := range normPrefs[role] {
			hit := false
			for _, want := range p.names {
				for _, n := range names {
					if n == want {
						hit = true
					}
				}
			}
			if h.index == 0 {
				for _, f := range p.files {
					if base == f {
						hit = true
					}
				}
			}
			if hit {
				best = rank
				break
			}
		}
		if best < 0 && loose {
			for _, w := range looseWords[role] {
				for _, n := range names {
					if strings.Contains(n, w) && !(role == doc.SongTi && strings.ContainsAny(n, "仿标楷黑")) {
						best = len(normPrefs[role])
					}
				}
			}
		}
		if best >= 0 {
			out[role] = best
		}
	}
	return out
}

// fileRoles are the roles whose preferred file names include base (lower
// case, without extension; used to attribute unreadable files).
func fileRoles(base string) []doc.Role {
	var out []doc.Role
	for _, role := range doc.Roles {
		for _, p := range normPrefs[role] {
			for _, f := range p.files {
				if f == base {
					out = append(out, role)
				}
			}
		}
	}
	return out
}

// systemDirs lists the platform's font directories (a variable for tests).
var systemDirs = func() []string {
	home, _ := os.UserHomeDir()
	var dirs []string
	switch runtime.GOOS {
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(win, "Fonts"))
		if la := os.Getenv("LOCALAPPDATA"); la != "" {
			dirs = append(dirs, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
	case "darwin":
		dirs = append(dirs, "/Library/Fonts", "/System/Library/Fonts", "/System/Library/Fonts/Supplemental")
		if home != "" {
			dirs = append(dirs, filepath.Join(home, "Library", "Fonts"))
		}
		// Fonts downloaded on demand (STKaiti, STFangsong… on recent macOS).
		if m, _ := filepath.Glob("/System/Library/AssetsV2/com_apple_MobileAsset_Font*"); len(m) > 0 {
			dirs = append(dirs, m...)
		}
	default:
		dirs = append(dirs, "/usr/share/fonts", "/usr/local/share/fonts")
		if x := os.Getenv("XDG_DATA_HOME"); x != "" {
			dirs = append(dirs, filepath.Join(x, "fonts"))
		}
		if home != "" {
			dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
		}
	}
	return dirs
}

// Walk bounds.
const (
	maxDepth    = 8
	maxFiles    = 20000     // font files examined per Load
	maxFileSize = 256 << 20 // larger files are skipped
)

// candidate is one face that matches at least one role.
type candidate struct {
	path   string
	h      *faceHeader
	origin origin
	seq    int // discovery order
	ranks  map[doc.Role]int
}

// skip is a file that could not be used, attributed to roles (none = shared).
type skip struct {
	path   string
	reason string
	roles  []doc.Role
}

type scanner struct {
	seen   map[string]bool
	files  int
	cands  []*candidate
	skips  []skip
	capped bool
}

func (sc *scanner) walk(root string, o origin) {
	root = filepath.Clean(root)
	depth0 := strings.Count(root, string(filepath.Separator))
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if strings.Count(path, string(filepath.Separator))-depth0 >= maxDepth {
				return fs.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(path))
		if ext != ".ttf" && ext != ".ttc" && ext != ".otf" && ext != ".otc" {
			return nil
		}
		if sc.seen[path] {
			return nil
		}
		sc.seen[path] = true
		if sc.files >= maxFiles {
			sc.capped = true
			return fs.SkipAll
		}
		sc.files++
		sc.file(path, o)
		return nil
	})
}

// file reads the headers of one font file and records candidates or skips.
func (sc *scanner) file(path string, o origin) {
	base := strings.ToLower(filepath.Base(path))
	base = strings.TrimSuffix(base, filepath.Ext(base))
	user := o == originUser
	fail := func(reason string) {
		roles := fileRoles(base)
		if user || len(roles) > 0 {
			sc.skips = append(sc.skips, skip{path: path, reason: reason, roles: roles})
		}
	}
	f, st, err := regular.Open(path) // a FIFO named *.ttf must not block
	if err != nil {
		fail(oserr.Describe(err))
		return
	}
	defer f.Close()
	if st.Size() > maxFileSize {
		fail("文件过大（超过 256 MB）")
		return
	}
	hs, err := readHeaders(f, st.Size())
	if err != nil {
		fail("文件损坏或不是字体：" + err.Error())
		return
	}
	matched := false
	for _, h := range hs {
		ranks := roleRanks(h, base, user)
		if len(ranks) == 0 {
			continue
		}
		matched = true
		where := path
		if h.inTTC {
			where = faceSource(path, h)
		}
		if why := h.unusable(); why != "" {
			var roles []doc.Role
			for _, r := range doc.Roles {
				if _, ok := ranks[r]; ok {
					roles = append(roles, r)
				}
			}
			sc.skips = append(sc.skips, skip{path: where, reason: why, roles: roles})
			continue
		}
		sc.cands = append(sc.cands, &candidate{path: path, h: h, origin: o, seq: len(sc.cands), ranks: ranks})
	}
	if !matched && user {
		name := ""
		if len(hs) > 0 && len(hs[0].names) > 0 {
			name = hs[0].names[0]
		}
		sc.skips = append(sc.skips, skip{path: path, reason: "字体名称「" + name + "」不对应任何角色（小标宋、仿宋、黑体、楷体、宋体），未使用"})
	}
}

func faceSource(path string, h *faceHeader) string {
	if !h.inTTC {
		return path
	}
	return path + "#" + strconv.Itoa(h.index)
}

// maxUserFaces bounds the user/system faces per role (one per rank).
const maxUserFaces = 3

// build scans the directories and assembles chains and the report.
func build(opt Options, emb map[string]*Face) *Set {
	sc := &scanner{seen: map[string]bool{}}
	if opt.Dir != "" {
		sc.walk(opt.Dir, originUser)
	}
	if !opt.NoSystem {
		for _, d := range systemDirs() {
			sc.walk(d, originSystem)
		}
	}

	loadedFaces := map[string]*Face{} // by source
	loadErr := map[string]string{}
	load := func(c *candidate) (*Face, string) {
		src := faceSource(c.path, c.h)
		if f, ok := loadedFaces[src]; ok {
			return f, ""
		}
		if why, ok := loadErr[src]; ok {
			return nil, why
		}
		b, err := regular.ReadFile(c.path, maxFileSize)
		if err != nil {
			loadErr[src] = "无法读取文件：" + oserr.Describe(err)
			return nil, loadErr[src]
		}
		f, err := newFace(b, c.h.index, src, c.origin)
		if err != nil {
			loadErr[src] = err.Error()
			return nil, loadErr[src]
		}
		loadedFaces[src] = f
		return f, ""
	}

	s := &Set{chains: map[doc.Role][]*Face{}}
	roleSkips := map[doc.Role][]skip{}
	var shared []skip
	for _, sk := range sc.skips {
		if len(sk.roles) == 0 {
			shared = append(shared, sk)
		}
		for _, r := range sk.roles {
			roleSkips[r] = append(roleSkips[r], sk)
		}
	}

	fallback := emb[fallbackFile]
	for _, role := range doc.Roles {
		var cs []*candidate
		for _, c := range sc.cands {
			if _, ok := c.ranks[role]; ok {
				cs = append(cs, c)
			}
		}
		sort.SliceStable(cs, func(i, j int) bool {
			a, b := cs[i], cs[j]
			if a.origin != b.origin {
				return a.origin < b.origin
			}
			if a.ranks[role] != b.ranks[role] {
				return a.ranks[role] < b.ranks[role]
			}
			return a.seq < b.seq
		})
		var chain []*Face
		usedRank := map[int]bool{}
		add := func(f *Face) {
			for _, g := range chain {
				if g == f {
					return
				}
			}
			chain = append(chain, f)
		}
		for _, c := range cs {
			if len(chain) >= maxUserFaces {
				break
			}
			rank := c.ranks[role]
			if usedRank[rank] {
				continue
			}
			f, why := load(c)
			if f == nil {
				roleSkips[role] = append(roleSkips[role], skip{path: faceSource(c.path, c.h), reason: why, roles: []doc.Role{role}})
				continue
			}
			usedRank[rank] = true
			add(f)
		}
		add(emb[standIn[role]])
		add(fallback)
		for _, r := range doc.Roles {
			add(emb[standIn[r]])
		}
		s.chains[role] = chain
	}
	s.report = makeReport(s, roleSkips, shared, sc.capped)
	return s
}
