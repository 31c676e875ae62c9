// The page of huanjie serve: the form, its live check, the preview and
// the downloads. Plain JavaScript, no library; everything it needs is in
// the program. The form's values travel as [path, text] pairs; the server
// writes them as an election file, checks it with the same engine as
// `huanjie check` and renders the documents.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const form = $('form');
  // The values of a new election file ([path, text] pairs).
  const defaults = JSON.parse($('defaults').textContent);
  const defaultOf = new Map(defaults);
  const state = {
    seq: 0,          // number of the latest check sent
    toml: '',        // the election file as of the latest check
    answer: null,    // the latest answer of /api/form
    fileName: '',    // the name of the file opened, for saving
    dirty: false,    // changed since opened or saved
    index: new Map(),// path → element
    previewSeq: 0,
    previewURL: '',
  };

  // ---- paths -------------------------------------------------------------

  function rowsOf(container) {
    return [...container.querySelector('[data-rows]').children];
  }

  // pathOf is the TOML path of an element: the data-key of every table
  // around it, with [i] for the rows of arrays of tables.
  function pathOf(el) {
    const segs = [];
    for (let n = el; n && n !== form; n = n.parentElement) {
      if (n.hasAttribute('data-row')) {
        segs.push('[' + [...n.parentElement.children].indexOf(n) + ']');
      } else if (n.dataset.key) {
        segs.push('.' + n.dataset.key);
      }
    }
    return segs.reverse().join('').replace(/^\./, '');
  }

  // owner is the table, row or form an element belongs to directly.
  function owner(el) {
    let n = el.parentElement;
    while (n && n !== form && !n.hasAttribute('data-row') && !(n.dataset.key && !isInput(n))) n = n.parentElement;
    return n;
  }

  function isInput(el) {
    return el.matches('input,select,textarea');
  }

  // ---- reading and filling the form ----------------------------------------

  function valueOf(el) {
    if (el.type === 'checkbox') return el.checked ? 'true' : '';
    return el.value;
  }

  function setValue(el, v) {
    if (el.type === 'checkbox') { el.checked = v === 'true'; return; }
    if (el.tagName === 'SELECT' && v !== '' && ![...el.options].some((o) => o.value === v)) {
      el.add(new Option(v, v)); // a value the list does not offer stays as it was
    }
    el.value = v;
  }

  // collect reads the form into pairs and indexes every element by path.
  function collect() {
    const pairs = [];
    const index = new Map();
    for (const el of form.querySelectorAll('[data-key],[data-row],[data-map]')) {
      const p = pathOf(el);
      if (isInput(el)) {
        el.dataset.path = p;
        const v = valueOf(el);
        if (v.trim() !== '') pairs.push([p, v]);
      }
      if (!index.has(p)) index.set(p, el);
    }
    for (const m of form.querySelectorAll('[data-map]')) {
      const mp = pathOf(m);
      const seen = new Set();
      for (const row of rowsOf(m)) {
        const k = row.querySelector('[data-pkey]').value.trim();
        const v = row.querySelector('[data-pval]');
        row.classList.toggle('dup', k !== '' && seen.has(k));
        if (k === '' || seen.has(k)) continue;
        seen.add(k);
        const p = mp + '.' + k;
        v.dataset.path = p;
        index.set(p, v);
        if (v.value.trim() !== '') pairs.push([p, v.value]);
      }
    }
    // A table the model reads as one or as many ([meeting.another_round]
    // or [[…]]) is named without [0] in findings when it is one.
    for (const [p, el] of [...index]) {
      const alias = p.replace(/\[0\]/g, '');
      if (alias !== p && !index.has(alias)) index.set(alias, el);
    }
    state.index = index;
    return pairs;
  }

  // child finds the element with data-key key that belongs to ctx.
  function child(ctx, key) {
    for (const el of ctx.querySelectorAll('[data-key="' + key + '"]')) {
      if (owner(el) === ctx || (ctx === form && !owner(el))) return el;
    }
    return null;
  }

  // place puts one value at its path, adding rows as needed.
  function place(path, value) {
    let ctx = form;
    let rest = path;
    for (;;) {
      const m = /^([A-Za-z0-9_]+)/.exec(rest);
      if (!m) return false;
      const el = child(ctx, m[1]);
      if (!el) return false;
      rest = rest.slice(m[1].length);
      if (isInput(el)) {
        if (rest !== '') return false;
        setValue(el, value);
        return true;
      }
      if (el.hasAttribute('data-map')) {
        if (rest[0] !== '.') return false;
        const row = addRow(el);
        row.querySelector('[data-pkey]').value = rest.slice(1);
        row.querySelector('[data-pval]').value = value;
        return true;
      }
      if (el.hasAttribute('data-array')) {
        const a = /^\[(\d+)\]\./.exec(rest);
        if (!a) return false;
        const i = Number(a[1]);
        while (rowsOf(el).length <= i) addRow(el);
        ctx = rowsOf(el)[i];
        rest = rest.slice(a[0].length);
        continue;
      }
      if (rest[0] !== '.') return false;
      ctx = el;
      rest = rest.slice(1);
    }
  }

  function clearForm() {
    for (const c of form.querySelectorAll('[data-rows]')) c.replaceChildren();
    for (const el of form.querySelectorAll('[data-key]')) {
      if (isInput(el)) setValue(el, '');
    }
  }

  // fill replaces the form's content with pairs and opens every section
  // that holds something.
  function fill(pairs) {
    clearForm();
    const lost = [];
    for (const [p, v] of pairs) if (!place(p, v)) lost.push(p);
    for (const d of form.querySelectorAll('details')) {
      if (hasData(d)) d.open = true;
    }
    for (const g of form.querySelectorAll('section[data-folded] > details')) {
      if (!hasData(g)) g.open = false;
    }
    renumber();
    return lost;
  }

  // hasData reports whether a part of the form holds anything typed: a
  // row of a table, or a value other than a new file's.
  function hasData(el) {
    if (el.querySelector('[data-rows] > *')) return true;
    return [...el.querySelectorAll('input,select,textarea')].some((i) => {
      const v = valueOf(i).trim();
      return v !== '' && defaultOf.get(pathOf(i)) !== v;
    });
  }

  // ---- tables ------------------------------------------------------------------

  function addRow(container) {
    const tpl = container.querySelector(':scope > template');
    const row = tpl.content.firstElementChild.cloneNode(true);
    container.querySelector('[data-rows]').append(row);
    renumber();
    return row;
  }

  // renumber writes row numbers, and the ids and names that tie each
  // control in a row to its label for keyboard and screen reader users.
  function renumber() {
    for (const c of form.querySelectorAll('[data-array],[data-map]')) {
      const label = c.dataset.label;
      const unit = c.classList.contains('blocks') ? '项' : '行';
      rowsOf(c).forEach((row, i) => {
        const where = label + '第' + (i + 1) + unit;
        const n = row.querySelector('.n');
        if (n) n.textContent = String(i + 1);
        row.querySelector('[data-del]').setAttribute('aria-label', '删除' + where);
        if (c.hasAttribute('data-map')) {
          row.querySelector('[data-pkey]').setAttribute('aria-label', where + ' ' + c.dataset.keylabel);
          row.querySelector('[data-pval]').setAttribute('aria-label', where + ' ' + label);
          return;
        }
        for (const el of row.querySelectorAll('input,select,textarea')) {
          if (owner(el) !== row) continue;
          const field = el.closest('.field');
          if (c.classList.contains('blocks') && field) {
            el.id = 'f-' + pathOf(el);
            field.querySelector('label').htmlFor = el.id;
          } else {
            el.setAttribute('aria-label', where + ' ' + el.dataset.label);
          }
        }
      });
    }
  }

  form.addEventListener('click', (ev) => {
    const b = ev.target.closest('button');
    if (!b) return;
    if (b.hasAttribute('data-add')) {
      const c = b.closest('[data-array],[data-map]');
      const row = addRow(c);
      const first = row.querySelector('input,select,textarea');
      if (first) first.focus();
      changed();
    } else if (b.hasAttribute('data-del')) {
      const row = b.closest('[data-row],[data-pair]');
      const c = row.closest('[data-array],[data-map]');
      const rows = rowsOf(c);
      const i = rows.indexOf(row);
      row.remove();
      renumber();
      const next = rowsOf(c)[Math.min(i, rows.length - 2)];
      (next ? next.querySelector('[data-del]') : c.querySelector('[data-add]')).focus();
      changed();
    } else if (b.hasAttribute('data-fill')) {
      fillNames(b.closest('[data-map]'));
      changed();
    }
  });

  function candidateNames() {
    const grid = child(form, 'candidates');
    return grid ? rowsOf(grid).map((r) => r.querySelector('[data-key="name"]').value.trim()).filter((n) => n) : [];
  }

  // fillNames adds a row for every candidate the table of names lacks.
  function fillNames(m) {
    const have = new Set(rowsOf(m).map((r) => r.querySelector('[data-pkey]').value.trim()));
    for (const n of candidateNames()) {
      if (!have.has(n)) addRow(m).querySelector('[data-pkey]').value = n;
    }
  }

  // Opening the election's section fills the names of the candidates into
  // the empty table of votes.
  form.addEventListener('toggle', (ev) => {
    if (!ev.target.open) return;
    for (const m of ev.target.querySelectorAll('[data-fill-names]')) {
      if (rowsOf(m).length === 0) fillNames(m);
    }
  }, true);

  // Pasting several cells copied from Excel into a table fills the rows
  // from the cell pasted into; a first line of column headings says which
  // column is which.
  form.addEventListener('paste', (ev) => {
    const cell = ev.target;
    const row = cell.closest('[data-row],[data-pair]');
    if (!row || !isInput(cell)) return;
    const text = ev.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    ev.preventDefault();
    const table = row.closest('[data-array],[data-map]');
    const lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    const cellsOf = (r) => [...r.querySelectorAll('input,select,textarea')].filter((e) => owner(e) === r || r.hasAttribute('data-pair'));
    let cols = null;
    const labels = cellsOf(row).map((e) => e.dataset.label || '');
    const head = lines[0].map((h) => h.replace(/\s/g, ''));
    if (head.filter((h) => labels.includes(h)).length >= 2) {
      cols = head.map((h) => labels.indexOf(h));
      lines.shift();
    }
    let r = rowsOf(table).indexOf(row);
    const start = cellsOf(row).indexOf(cell);
    for (const line of lines) {
      while (rowsOf(table).length <= r) addRow(table);
      const cells = cellsOf(rowsOf(table)[r]);
      line.forEach((v, j) => {
        const k = cols ? cols[j] : start + j;
        if (k >= 0 && k < cells.length) pasteInto(cells[k], v.trim());
      });
      r++;
    }
    renumber();
    changed();
  });

  function pasteInto(el, v) {
    if (el.type === 'checkbox') {
      el.checked = /^(是|√|✓|✔|true|1|y|yes)$/i.test(v);
    } else {
      setValue(el, v);
    }
  }

  // ---- checking ----------------------------------------------------------------

  let timer = 0;
  function changed() {
    state.dirty = true;
    clearTimeout(timer);
    timer = setTimeout(() => { timer = 0; check(); }, 250);
  }
  form.addEventListener('input', changed);
  form.addEventListener('submit', (ev) => ev.preventDefault());
  form.addEventListener('change', changed);

  async function post(url, body, type) {
    const r = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': type } });
    return r;
  }

  async function check() {
    const seq = ++state.seq;
    const pairs = collect();
    let r;
    try {
      r = await post('/api/form' + nameQuery(), JSON.stringify({ pairs }), 'application/json');
    } catch (e) {
      return offline();
    }
    const a = await r.json();
    if (seq !== state.seq) return;
    if (!r.ok) {
      $('verdict').textContent = a.message || '检查失败。';
      return;
    }
    state.answer = a;
    state.toml = a.toml;
    showStatus(a, showFindings(a.check.findings));
    showDocs(a.docs);
    schedulePreview();
  }

  function offline() {
    $('verdict').textContent = '连接不上本程序：它可能已经关闭。请重新启动“换届”后刷新本页（先保存的数据不会丢失）。';
    $('verdict').className = 'bad';
  }

  function nameQuery() {
    return state.fileName ? '?name=' + encodeURIComponent(state.fileName) : '';
  }

  // parent drops the last step of a path ("a.b[2]" → "a.b", "a.b" → "a").
  function parent(p) {
    const m = /(\[\d+\]|\.[^.[\]]*)$/.exec(p);
    return m ? p.slice(0, m.index) : '';
  }

  // isBlank reports whether el (a control, or a table) holds nothing yet.
  function isBlank(el) {
    if (isInput(el)) return valueOf(el).trim() === '';
    return ![...el.querySelectorAll('input,select,textarea')].some((i) => valueOf(i).trim() !== '');
  }

  // showFindings puts each finding beside its field: the field named by
  // its path, or the nearest table around it. A missing value in a field
  // still blank is shown as something to fill in rather than as a fault.
  function showFindings(findings) {
    for (const el of form.querySelectorAll('.msgs')) el.replaceChildren();
    for (const el of form.querySelectorAll('.invalid')) el.classList.remove('invalid');
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    const list = $('findings');
    list.replaceChildren();
    const perGroup = new Map();
    const counts = { error: 0, warning: 0, todo: 0 };
    for (const f of findings) {
      let p = f.field || '';
      let el = null;
      while (p && !(el = state.index.get(p))) p = parent(p);
      const kind = f.level === 'error' && f.code === 'missing' && el && isBlank(el) ? 'todo' : f.level;
      counts[kind]++;
      const text = { error: '错误：', warning: '提醒：', todo: '待填写：' }[kind] + f.message;
      if (el) {
        const box = el.closest('[data-msgs]');
        const msgs = box.querySelector(':scope > .msgs, :scope > details > .msgs');
        const msg = document.createElement('p');
        msg.className = 'msg ' + kind;
        const row = el.closest('[data-row],[data-pair]');
        msg.textContent = (row && box.contains(row) && box !== row ? '第' + (rowsOf(box).indexOf(row) + 1) + '行：' : '') + text;
        if (msgs) msgs.append(msg);
        if (kind === 'error' || kind === 'warning') {
          if (isInput(el) || el.matches('[data-row],[data-pair]')) el.classList.add('invalid');
          if (isInput(el) && kind === 'error') el.setAttribute('aria-invalid', 'true');
        }
        const g = el.closest('section[data-group]');
        if (g && kind !== 'warning') {
          const c = perGroup.get(g) || { error: 0, todo: 0 };
          c[kind]++;
          perGroup.set(g, c);
        }
      }
      const li = document.createElement('li');
      li.className = kind;
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'link';
      b.textContent = text;
      b.addEventListener('click', () => reveal(el));
      li.append(b);
      list.append(li);
    }
    for (const g of form.querySelectorAll('section[data-group]')) {
      const badge = g.querySelector('.badge');
      const c = perGroup.get(g) || { error: 0, todo: 0 };
      badge.hidden = c.error + c.todo === 0;
      badge.className = 'badge' + (c.error ? '' : ' todo');
      badge.textContent = [c.error ? c.error + '个错误' : '', c.todo ? c.todo + '项待填' : ''].filter((x) => x).join('，');
    }
    return counts;
  }

  // reveal opens the sections around el and puts the cursor in it.
  function reveal(el) {
    if (!el) return;
    for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
    el.scrollIntoView({ block: 'center' });
    const target = isInput(el) ? el : el.querySelector('input,select,textarea,button');
    if (target) target.focus({ preventScroll: true });
  }

  function showStatus(a, counts) {
    const { error, warning, todo } = counts;
    const v = $('verdict');
    const parts = [todo ? '还有' + todo + '项需要填写' : '', error ? '有' + error + '个错误' : '', warning ? warning + '条提醒' : ''].filter((x) => x);
    if (error + todo === 0) {
      v.textContent = warning ? '可以生成文书。有' + warning + '条提醒，请逐条核实。' : '未发现问题，可以生成文书。';
      v.className = 'good';
    } else if (a.buildable) {
      v.textContent = parts.join('，') + '。选举前的文书可以生成；报送选举结果的文书要改正错误后才能生成。';
      v.className = 'warn';
    } else {
      v.textContent = parts.join('，') + '。' + (todo && error ? '填好、改正' : todo ? '填好' : '改正') + '后才能生成文书；每条都标在相应的栏目旁。';
      v.className = error ? 'bad' : 'todo';
    }
    $('facts').textContent = (a.facts || []).join('　');
    $('all-findings').hidden = a.check.findings.length === 0;
    $('findings-count').textContent = '逐条查看（' + a.check.findings.length + '条）';
  }

  // showDocs lists the documents the data give (a later vote adds its
  // ballot and tally forms), keeping the one chosen.
  function showDocs(docs) {
    const sel = $('doc');
    const chosen = sel.value;
    sel.replaceChildren(...docs.map((d) => {
      const o = new Option(d.file + (d.ready ? '' : '（' + d.why + '）'), d.only + '|' + d.file);
      o.dataset.ready = d.ready ? '1' : '';
      o.dataset.why = d.why || '';
      return o;
    }));
    if ([...sel.options].some((o) => o.value === chosen)) sel.value = chosen;
  }

  // ---- preview and downloads --------------------------------------------------

  let previewTimer = 0;
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 150);
  }

  function docQuery(format) {
    const [only, file] = $('doc').value.split('|');
    return '?only=' + encodeURIComponent(only) + '&file=' + encodeURIComponent(file) + '&format=' + format + ($('draft').checked ? '&draft=1' : '') + nameParam();
  }

  function previewMessage(text) {
    $('preview-msg').textContent = text;
    $('preview-msg').hidden = !text;
  }

  async function preview() {
    const a = state.answer;
    if (!a) return;
    const opt = $('doc').selectedOptions[0];
    if (!a.buildable) {
      previewMessage(a.check.findings.some((f) => f.level === 'error' && f.code !== 'missing') ? '数据中还有错误（见上方），改正后即可预览。' : '上方标出的内容填好后即可预览。');
      return;
    }
    if (opt && !opt.dataset.ready) {
      previewMessage('“' + opt.value.split('|')[1] + '”要' + opt.dataset.why + '。');
      return;
    }
    const seq = ++state.previewSeq;
    let r;
    try {
      r = await post('/api/document' + docQuery('pdf'), state.toml, 'application/toml');
    } catch (e) {
      return offline();
    }
    if (seq !== state.previewSeq) return;
    if (!r.ok) {
      const j = await r.json();
      previewMessage(j.message);
      return;
    }
    const blob = await r.blob();
    if (seq !== state.previewSeq) return;
    const old = state.previewURL;
    state.previewURL = URL.createObjectURL(blob);
    $('frame').src = state.previewURL + '#navpanes=0&view=FitH';
    if (old) setTimeout(() => URL.revokeObjectURL(old), 5000);
    previewMessage('');
  }

  $('doc').addEventListener('change', preview);
  $('draft').addEventListener('change', preview);

  function formats() {
    const f = [];
    if ($('fmt-pdf').checked) f.push('pdf');
    if ($('fmt-docx').checked) f.push('docx');
    if ($('fmt-ofd').checked) f.push('ofd');
    return f;
  }

  // fileNameOf reads the name the server gave a download.
  function fileNameOf(r, fallback) {
    const cd = r.headers.get('Content-Disposition') || '';
    const star = /filename\*=utf-8''([^;]+)/i.exec(cd);
    if (star) return decodeURIComponent(star[1]);
    const plain = /filename="?([^";]+)"?/i.exec(cd);
    return plain ? plain[1] : fallback;
  }

  function saveBlob(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  async function download(url, fallback) {
    await flush();
    previewMessage('正在生成…');
    let r;
    try {
      r = await post(url, state.toml, 'application/toml');
    } catch (e) {
      return offline();
    }
    if (!r.ok) {
      const j = await r.json();
      previewMessage(plain(j.message || '不能生成。'));
      return;
    }
    saveBlob(await r.blob(), fileNameOf(r, fallback));
    previewMessage('已下载“' + fileNameOf(r, fallback) + '”，在浏览器的下载记录中可以找到。');
  }

  // plain turns build's refusal into the page's words.
  function plain(msg) {
    return msg.replace(/请加 --draft/g, '请勾选“草稿”').replace(/请先运行 huanjie check 按提示修改。/g, '请先按页面上方的提示修改。');
  }

  $('download-one').addEventListener('click', () => {
    const f = formats();
    if (f.length === 0) return previewMessage('请至少选择一种格式（PDF、Word 或 OFD）。');
    if (f.length === 1) return download('/api/document' + docQuery(f[0]), '文书.' + f[0]);
    const only = $('doc').value.split('|')[0];
    download('/api/build?format=' + f.join(',') + '&only=' + encodeURIComponent(only) + ($('draft').checked ? '&draft=1' : '') + nameParam(), '文书.zip');
  });

  $('download-all').addEventListener('click', () => {
    const f = formats();
    if (f.length === 0) return previewMessage('请至少选择一种格式（PDF、Word 或 OFD）。');
    download('/api/build?format=' + f.join(',') + ($('draft').checked ? '&draft=1' : '') + nameParam(), '换届选举文书.zip');
  });

  function nameParam() {
    return state.fileName ? '&name=' + encodeURIComponent(state.fileName) : '';
  }

  // flush runs a pending check at once, so a download has what was typed.
  async function flush() {
    if (timer) {
      clearTimeout(timer);
      timer = 0;
      await check();
    }
  }

  // ---- files -------------------------------------------------------------------

  function notice(text) {
    $('notice').textContent = text;
    $('notice').hidden = !text;
  }

  $('save').addEventListener('click', async () => {
    await flush();
    const name = state.fileName || ((state.answer && state.answer.name) || '换届选举数据') + '.toml';
    saveBlob(new Blob([state.toml], { type: 'application/toml' }), name);
    state.dirty = false;
    notice('已保存为“' + name + '”（在浏览器的下载记录中）。以后可用“打开数据文件…”继续填写。');
  });

  $('open').addEventListener('click', () => $('open-file').click());
  $('open-file').addEventListener('change', async (ev) => {
    const file = ev.target.files[0];
    ev.target.value = '';
    if (!file) return;
    if (state.dirty && !confirm('当前填写的内容还没有保存，打开其他文件会替换它们。继续吗？')) return;
    const r = await post('/api/open?name=' + encodeURIComponent(file.name), await file.arrayBuffer(), 'application/toml');
    const a = await r.json();
    if (!r.ok) return notice(a.message);
    state.fileName = file.name;
    const lost = fill(a.pairs);
    state.dirty = false;
    const notes = (a.notes || []).concat(lost.map((p) => '未能放入表格：' + p));
    notice(notes.length ? '已打开“' + file.name + '”。以下内容未能读入：\n' + notes.join('\n') : '已打开“' + file.name + '”。');
    check();
  });

  $('new').addEventListener('click', () => {
    if (state.dirty && !confirm('当前填写的内容还没有保存，新建会清空它们。继续吗？')) return;
    startNew();
    notice('');
  });

  // startNew empties the form for a new election file, with one blank row
  // of candidates to type into.
  function startNew() {
    state.fileName = '';
    fill(defaults);
    for (const g of form.querySelectorAll('section[data-group]:not([data-folded]) > details')) g.open = true;
    addRow(child(form, 'candidates'));
    state.dirty = false;
    check();
  }

  // ---- the roster --------------------------------------------------------------

  let roster = null;
  $('roster').addEventListener('click', () => $('roster-file').click());
  $('roster-file').addEventListener('change', async (ev) => {
    const file = ev.target.files[0];
    ev.target.value = '';
    if (!file) return;
    const r = await post('/api/roster', await file.arrayBuffer(), 'application/octet-stream');
    const a = await r.json();
    const body = $('roster-body');
    body.replaceChildren();
    const p = (t, cls) => { const e = document.createElement('p'); e.textContent = t; if (cls) e.className = cls; body.append(e); return e; };
    if (!r.ok) { a.errors = [a.message]; a.members = []; }
    roster = a;
    if (a.errors.length) {
      p('“' + file.name + '”中有以下问题，请在 Excel 中改正后重新导入：', 'bad');
      const ul = document.createElement('ul');
      for (const e of a.errors) { const li = document.createElement('li'); li.textContent = e; ul.append(li); }
      body.append(ul);
      $('roster-apply').hidden = true;
    } else {
      p('“' + file.name + '”：党员' + a.total + '名，其中预备党员' + a.probationary + '名' + (a.members.some((m) => m.excluded) ? '，不计入应到会' + a.members.filter((m) => m.excluded).length + '名' : '') + '。');
      p('勾选委员候选人预备人选（花名册中已标明的已勾选）。导入后将填写党员人数、不计入名单和候选人表。');
      const wrap = document.createElement('div');
      wrap.className = 'scroll';
      const t = document.createElement('table');
      t.innerHTML = '<thead><tr><th scope="col">候选人</th><th scope="col">姓名</th><th scope="col">性别</th><th scope="col">出生年月</th><th scope="col">党员类别</th><th scope="col">职务</th></tr></thead>';
      const tb = document.createElement('tbody');
      a.members.forEach((m, i) => {
        const tr = document.createElement('tr');
        const td = document.createElement('td');
        const cb = document.createElement('input');
        cb.type = 'checkbox';
        cb.checked = m.candidate;
        cb.dataset.i = String(i);
        cb.setAttribute('aria-label', m.name + ' 作为候选人');
        td.append(cb);
        tr.append(td);
        for (const v of [m.name, m.gender, m.birth, m.category, m.post]) {
          const c = document.createElement('td');
          c.textContent = v || '';
          tr.append(c);
        }
        tb.append(tr);
      });
      t.append(tb);
      wrap.append(t);
      body.append(wrap);
      $('roster-apply').hidden = false;
    }
    $('roster-dialog').showModal();
  });

  $('roster-cancel').addEventListener('click', () => $('roster-dialog').close());
  $('roster-apply').addEventListener('click', () => {
    const picked = [...$('roster-body').querySelectorAll('input[type=checkbox]')].filter((c) => c.checked).map((c) => roster.members[Number(c.dataset.i)]);
    applyRoster(roster, picked);
    $('roster-dialog').close();
    notice('已从花名册导入：党员' + roster.total + '名，预备党员' + roster.probationary + '名，候选人' + picked.length + '名。请核对。');
    changed();
  });

  function setPath(path, v) {
    const el = state.index.get(path) || (collect(), state.index.get(path));
    if (el && isInput(el)) setValue(el, v);
  }

  // applyRoster fills the counts, the members not counted and the
  // candidates; a candidate already in the table is updated, not doubled.
  function applyRoster(ro, picked) {
    collect();
    setPath('members.total', String(ro.total));
    setPath('members.probationary', String(ro.probationary));
    const excl = child(child(form, 'members'), 'excluded');
    const out = ro.members.filter((m) => m.excluded);
    if (excl && out.length) {
      excl.querySelector('[data-rows]').replaceChildren();
      out.forEach((m, i) => {
        place('members.excluded[' + i + '].name', m.name);
        place('members.excluded[' + i + '].reason', m.excluded);
      });
    }
    const grid = child(form, 'candidates');
    for (const m of picked) {
      let row = rowsOf(grid).find((r) => r.querySelector('[data-key="name"]').value.trim() === m.name);
      if (!row) {
        row = rowsOf(grid).find((r) => [...r.querySelectorAll('input,select,textarea')].every((e) => valueOf(e).trim() === ''));
      }
      if (!row) row = addRow(grid);
      const i = rowsOf(grid).indexOf(row);
      const set = (k, v) => { if (v) place('candidates[' + i + '].' + k, v); };
      set('name', m.name);
      set('gender', m.gender);
      set('birth', m.birth);
      set('ethnicity', m.ethnicity);
      set('education', m.education);
      set('party_since', m.party_since);
      set('post', m.post);
      set('proposed', m.proposed);
    }
    for (const d of form.querySelectorAll('#g-members > details, #g-candidates > details')) d.open = true;
    renumber();
  }

  // ---- start -------------------------------------------------------------------

  window.addEventListener('beforeunload', (ev) => {
    if (state.dirty) ev.preventDefault();
  });

  for (const f of form.querySelectorAll('.field')) {
    const input = f.querySelector('input,select,textarea');
    const help = f.querySelector('.help');
    if (input && input.id && help) {
      help.id = input.id + '-help';
      input.setAttribute('aria-describedby', help.id);
    }
  }
  startNew();
})();
