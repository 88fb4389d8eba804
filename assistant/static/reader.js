/* Hindi reading page: draws a page from its data (assistant/pagedata.py).

   The data holds one entry per distinct word form and, per section, the sentence pairs
   with their tokens as [start, end, form] triples. Only the current section is drawn;
   a word's tooltip is built when it is hovered, tapped or focused. Every piece of text
   is set with textContent, never parsed as HTML.

   Reading aids (romanization, gloss line, English column, font size) belong to the
   reader: its bar switches them with classes on the root, over rows drawn once with
   every aid in them, so a switch needs neither new data nor a redraw. */
var HindiReader = (window.HindiReader = window.HindiReader || (function () {
  "use strict";

  var MARGIN = 8;
  var FONT_SIZES = [14, 30];
  /* The reader's own choice of aids, once made in this window: it outlives a redraw, a
     new section or article and an app rerun (whose data still carries the old options),
     and the app is told of it with the reader's next request. Null until then. */
  var AIDS = null;

  function aidsOf(options) {
    var size = Number(options.fontSize) || 18;
    return {
      romanization: !!options.romanization,
      glossLine: options.glossLine !== false,
      showEnglish: options.showEnglish !== false,
      fontSize: Math.min(Math.max(size, FONT_SIZES[0]), FONT_SIZES[1]),
    };
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) {
      node.className = cls;
    }
    if (text !== undefined && text !== null && text !== "") {
      node.textContent = String(text);
    }
    return node;
  }

  function line(tip, cls, text, lang) {
    var span = el("span", cls, text);
    if (lang) {
      span.lang = lang;
    }
    tip.appendChild(span);
    return span;
  }

  function Reader(root, data, hooks) {
    this.root = root;
    this.hooks = hooks || {};
    this.pairs = {};
    this.current = null;
    this.setData(data);
    this.bind();
  }

  /* Forms, strings and units arrive once per page: each message carries the entries
     from data.base on, and the window keeps what it has received for each page (readers
     of the app are redrawn, the window stays). */
  var STORES = {};

  Reader.prototype.merge = function (data) {
    var key = "p:" + (data.page || "");
    var store = STORES[key];
    if (!store) {
      store = STORES[key] = { forms: [], strings: [], units: [] };
    }
    var base = data.base || [0, 0, 0];
    var names = ["forms", "strings", "units"];
    var missing = false;
    for (var i = 0; i < names.length; i++) {
      var have = store[names[i]];
      var incoming = data[names[i]] || [];
      if (base[i] > have.length) {
        missing = true;
        continue;
      }
      for (var k = 0; k < incoming.length; k++) {
        have[base[i] + k] = incoming[k];
      }
    }
    this.forms = store.forms;
    this.strings = store.strings;
    this.units = store.units;
    this.missing = missing;
    if (missing && this.hooks.resend) {
      this.hooks.resend([store.forms.length, store.strings.length, store.units.length]);
    }
  };

  Reader.prototype.setData = function (data) {
    /* The same drawing as the one shown (an app rerun for another reason): keep the
       rows, update only what the options change. Not when the rows were drawn without
       some of their word forms (they come with this data). */
    var same = !!(
      this.data && data.draw && data.draw === this.data.draw && this.section === (data.current || 0) && !this.missing
    );
    var highlight = (this.options || {}).highlight;
    this.data = data;
    this.merge(data);
    this.options = data.options || {};
    this.labels = data.labels || {};
    this.aids = AIDS || aidsOf(this.options);
    if (same) {
      this.applyAids();
      if (this.options.highlight !== highlight) {
        this.applyHighlight();
      }
      return;
    }
    var wanted = data.current || 0;
    if (this.hooks.standalone) {
      var match = /^#section-(\d+)$/.exec(window.location.hash || "");
      if (match && data.content[Number(match[1]) - 1]) {
        wanted = Number(match[1]) - 1;
      }
    }
    this.draw(wanted);
  };

  Reader.prototype.draw = function (index) {
    var data = this.data;
    var options = this.options;
    var root = this.root;
    this.hideTip();
    this.section = index;
    this.pairs = {};
    var classes = ["hr-reader", "hr-theme-" + (options.theme || "auto")];
    if (data.partial) {
      classes.push("hr-partial");
    }
    if (this.missing) {
      /* Drawn without some word forms, asked for again: the next data draws them. */
      classes.push("hr-incomplete");
    }
    root.className = classes.join(" ");
    root.lang = "en";
    root.dataset.mode = data.mode || "";
    root.textContent = "";

    var body = el("div", "hr-body");
    if (data.notice) {
      var note = el("div", "hr-note", data.notice);
      note.setAttribute("role", "note");
      body.appendChild(note);
    }
    body.appendChild(this.toolbar());
    var sections = data.sections || [];
    if (sections.length > 1) {
      body.appendChild(this.nav(index, "top"));
    }
    var head = el("div", "hr-head");
    head.setAttribute("aria-hidden", "true");
    head.appendChild(el("div", "", "Hindi"));
    head.appendChild(el("div", "hr-head-tgt", data.heading));
    body.appendChild(head);
    var blocks = (data.content || [])[index];
    var main = el("div", "hr-main");
    var sid = sections.length ? sections[index][1] : 0;
    if (blocks) {
      for (var b = 0; b < blocks.length; b++) {
        var section = el("section", "hr-block hr-b-" + blocks[b].k);
        var pairs = blocks[b].p;
        for (var p = 0; p < pairs.length; p++) {
          section.appendChild(this.row(pairs[p], sid));
          sid += 1;
        }
        main.appendChild(section);
      }
    } else if (sections.length) {
      main.appendChild(el("p", "hr-loading", "Loading section " + (index + 1) + "…"));
    }
    body.appendChild(main);
    if (sections.length > 1) {
      body.appendChild(this.nav(index, "bottom"));
    }
    root.appendChild(body);
    if (this.hooks.after) {
      this.hooks.after(body);
    }
    this.tip = el("div", "hr-tip");
    this.tip.setAttribute("role", "tooltip");
    this.tip.id = "hr-tip-" + Math.random().toString(36).slice(2);
    this.tip.lang = "en";
    root.appendChild(this.tip);
    this.applyAids();
  };

  /* ------------------------------------------------------------ reading aids */

  /* The bar of reading aids the data offers ([name, label] pairs; the gloss line is not
     offered on a gloss-only page, whose right column is the gloss already). */
  Reader.prototype.toolbar = function () {
    var self = this;
    var bar = el("div", "hr-aids");
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Reading aids");
    var offered = this.data.aids || [];
    for (var i = 0; i < offered.length; i++) {
      var name = offered[i][0];
      var label = el("label", "hr-aid");
      var input = el("input");
      input.dataset.aid = name;
      if (name === "fontSize") {
        input.type = "range";
        input.min = String(FONT_SIZES[0]);
        input.max = String(FONT_SIZES[1]);
        input.step = "1";
        label.appendChild(document.createTextNode(offered[i][1] + " "));
        label.appendChild(input);
        label.appendChild(el("span", "hr-aid-val"));
      } else {
        input.type = "checkbox";
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + offered[i][1]));
      }
      input.addEventListener(name === "fontSize" ? "input" : "change", function (event) {
        var target = event.target;
        self.setAid(target.dataset.aid, target.type === "range" ? Number(target.value) : target.checked);
      });
      bar.appendChild(label);
    }
    return bar;
  };

  /* Switch one aid for every reader in this window, at once and without new data. */
  Reader.prototype.setAid = function (name, value) {
    var aids = {};
    for (var key in this.aids) {
      aids[key] = this.aids[key];
    }
    aids[name] = value;
    AIDS = aidsOf(aids);
    for (var i = 0; i < READERS.length; i++) {
      if (READERS[i].root.isConnected || READERS[i] === this) {
        READERS[i].aids = AIDS;
        READERS[i].hideTip();
        READERS[i].applyAids();
      }
    }
  };

  Reader.prototype.applyAids = function () {
    var aids = this.aids;
    var root = this.root;
    root.classList.toggle("hr-rom", aids.romanization);
    root.classList.toggle("hr-no-gl", !aids.glossLine);
    root.classList.toggle("hr-one-col", !aids.showEnglish);
    root.style.setProperty("--hr-size", aids.fontSize + "px");
    var inputs = root.querySelectorAll(".hr-aids [data-aid]");
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.type === "range") {
        if (Number(input.value) !== aids.fontSize) {
          input.value = String(aids.fontSize);
        }
        input.nextSibling.textContent = aids.fontSize + " px";
      } else {
        input.checked = !!aids[input.dataset.aid];
      }
    }
  };

  /* Whether a word is an occurrence of the highlighted glossary term: by its dictionary
     form, its written form or its multiword unit. */
  Reader.prototype.marked = function (form, word) {
    var highlight = this.options.highlight;
    if (!highlight) {
      return false;
    }
    var unit = form.u !== undefined ? this.units[form.u] : null;
    return highlight === (form.l || form.x || word) || highlight === (form.x || word) || !!(unit && highlight === unit[3]);
  };

  Reader.prototype.applyHighlight = function () {
    var words = this.root.querySelectorAll(".hr-w");
    for (var i = 0; i < words.length; i++) {
      var node = words[i];
      var form = this.forms[Number(node.dataset.f)] || {};
      var written = node.firstChild && node.firstChild.nodeType === 3 ? node.firstChild.nodeValue : "";
      node.classList.toggle("hr-mark", this.marked(form, written));
    }
  };

  /* ------------------------------------------------------------ sections */

  Reader.prototype.nav = function (index, where) {
    var self = this;
    var sections = this.data.sections;
    var nav = el("nav", "hr-nav hr-nav-" + where);
    nav.setAttribute("aria-label", "Sections (" + where + ")");
    var prev = el("button", "hr-prev", "‹ Previous");
    prev.type = "button";
    prev.disabled = index <= 0;
    prev.addEventListener("click", function () {
      self.go(index - 1);
    });
    var next = el("button", "hr-next", "Next ›");
    next.type = "button";
    next.disabled = index >= sections.length - 1;
    next.addEventListener("click", function () {
      self.go(index + 1);
    });
    var select = el("select", "hr-sections");
    select.setAttribute("aria-label", "Section");
    for (var i = 0; i < sections.length; i++) {
      var option = el("option", "", i + 1 + " / " + sections.length + " · " + sections[i][0]);
      option.value = String(i);
      option.selected = i === index;
      select.appendChild(option);
    }
    select.addEventListener("change", function () {
      self.go(Number(select.value));
    });
    var part = sections[index];
    var total = this.data.sentences || 1;
    var where_ = el(
      "span",
      "hr-pos",
      "sentences " + (part[1] + 1) + "–" + part[2] + " of " + total + " · " + Math.round((100 * part[2]) / total) + "%"
    );
    var bar = el("span", "hr-bar");
    var fill = el("span", "hr-bar-fill");
    fill.style.width = Math.round((100 * part[2]) / total) + "%";
    bar.appendChild(fill);
    nav.appendChild(prev);
    nav.appendChild(select);
    nav.appendChild(next);
    nav.appendChild(where_);
    if (this.data.partial) {
      nav.appendChild(el("span", "hr-pos hr-busy", "the rest is being looked up…"));
    }
    nav.appendChild(bar);
    return nav;
  };

  Reader.prototype.go = function (index) {
    var sections = this.data.sections || [];
    if (index < 0 || index >= sections.length || index === this.section) {
      return;
    }
    if (this.data.content[index]) {
      this.draw(index);
      if (this.hooks.standalone && window.history && history.replaceState) {
        history.replaceState(null, "", "#section-" + (index + 1));
      }
      var top = this.root.getBoundingClientRect().top;
      if (top < 0) {
        this.root.scrollIntoView();
      }
    } else if (this.hooks.request) {
      this.draw(index);
      this.hooks.request(index);
    }
  };

  /* ------------------------------------------------------------ rows */

  Reader.prototype.row = function (pair, sid) {
    var labels = this.labels;
    pair.i = sid;
    this.pairs[sid] = pair;
    var row = el("div", "hr-row hr-k-" + pair.k);
    row.dataset.sid = pair.i;
    var left = el("div", "hr-src");
    var right = null;
    if (pair.k === "copy") {
      left.lang = "en";
      left.appendChild(el("span", "hr-label", labels.copy));
      var copy = el("span", "hr-s hr-copy", pair.s);
      copy.dataset.sid = pair.i;
      copy.tabIndex = -1;
      left.appendChild(copy);
      right = el("span", "hr-s", pair.t);
    } else {
      left.lang = pair.lang === "en" ? "en" : "hi";
      var hindi = this.hindi(pair);
      left.appendChild(hindi);
      /* Drawn always: the gloss line of a translated row shows with its aid; a gloss
         row's shows only when the right column (the same gloss) is hidden. */
      if (pair.g) {
        var gl = el("div", pair.k === "gloss" ? "hr-gl hr-gl-col" : "hr-gl");
        gl.lang = "en";
        gl.appendChild(el("span", "hr-label", labels.gloss));
        gl.appendChild(document.createTextNode(pair.g));
        left.appendChild(gl);
      }
      if (pair.k === "gloss") {
        right = document.createDocumentFragment();
        var label = el("span", "hr-label", labels.glossColumn);
        label.title = labels.glossTitle;
        right.appendChild(label);
        var gloss = el("span", "hr-s hr-gloss", pair.g || "");
        right.appendChild(gloss);
        gloss.dataset.sid = pair.i;
        gloss.tabIndex = -1;
      } else if (pair.k === "failed") {
        right = el("span", "hr-s hr-failed", labels.failed);
      } else if (pair.k === "pending" || !pair.t) {
        right = el("span", "hr-s hr-pending", labels.pending);
      } else {
        right = this.english(pair);
      }
    }
    row.appendChild(left);
    var tgt = el("div", "hr-tgt");
    tgt.lang = "en";
    if (right.nodeType === 1) {
      right.dataset.sid = pair.i;
      right.tabIndex = -1;
    }
    tgt.appendChild(right);
    row.appendChild(tgt);
    return row;
  };

  Reader.prototype.hindi = function (pair) {
    var span = el("span", "hr-s");
    span.dataset.sid = pair.i;
    var text = pair.s;
    var words = pair.w || [];
    var at = 0;
    for (var i = 0; i + 2 < words.length; i += 3) {
      var start = words[i];
      var end = words[i + 1];
      var form = words[i + 2] >= 0 ? this.forms[words[i + 2]] : null;
      if (start > at) {
        span.appendChild(document.createTextNode(text.slice(at, start)));
      }
      var word = text.slice(start, end);
      at = end;
      if (!form || (form.w === 0 && !form.r)) {
        span.appendChild(document.createTextNode(word));
        continue;
      }
      var interactive = form.w !== 0;
      var node = el("span", interactive ? "hr-w" : "hr-t", word);
      if (interactive) {
        node.tabIndex = 0;
        node.dataset.f = words[i + 2];
        node.dataset.t = i / 3;
        if (form.nm) {
          node.classList.add("hr-name");
        }
        if (this.marked(form, word)) {
          node.classList.add("hr-mark");
        }
      }
      if (form.r) {
        var r = el("span", "hr-r", form.r);
        r.lang = "hi-Latn";
        node.appendChild(r);
      }
      span.appendChild(node);
    }
    if (at < text.length) {
      span.appendChild(document.createTextNode(text.slice(at)));
    }
    return span;
  };

  Reader.prototype.english = function (pair) {
    var span = el("span", "hr-s");
    var text = pair.t;
    var words = pair.e || [];
    var at = 0;
    for (var i = 0; i + 2 < words.length; i += 3) {
      var start = words[i + 1];
      var end = words[i + 2];
      if (start < at) {
        continue;
      }
      if (start > at) {
        span.appendChild(document.createTextNode(text.slice(at, start)));
      }
      var word = el("span", "hr-ew", text.slice(start, end));
      word.dataset.e = words[i];
      span.appendChild(word);
      at = end;
    }
    if (at < text.length) {
      span.appendChild(document.createTextNode(text.slice(at)));
    }
    return span;
  };

  /* ------------------------------------------------------------ alignment */

  Reader.prototype.linked = function (pair, index, fromHindi) {
    var found = [];
    var links = pair.a || [];
    for (var i = 0; i + 2 < links.length; i += 3) {
      if ((fromHindi ? links[i] : links[i + 1]) === index) {
        found.push({ other: fromHindi ? links[i + 1] : links[i], confidence: links[i + 2] });
      }
    }
    return found;
  };

  Reader.prototype.englishWord = function (pair, target) {
    var words = pair.e || [];
    for (var i = 0; i + 2 < words.length; i += 3) {
      if (words[i] === target) {
        return pair.t.slice(words[i + 1], words[i + 2]);
      }
    }
    return "";
  };

  Reader.prototype.clearAlignment = function () {
    var lit = this.root.querySelectorAll(".hr-al");
    for (var i = 0; i < lit.length; i++) {
      lit[i].classList.remove("hr-al");
    }
  };

  Reader.prototype.showAlignment = function (node) {
    this.clearAlignment();
    var row = node.closest(".hr-row");
    var pair = row ? this.pairs[row.dataset.sid] : null;
    if (!pair || !pair.a) {
      return;
    }
    var hindi = node.classList.contains("hr-w");
    var index = Number(hindi ? node.dataset.t : node.dataset.e);
    var links = this.linked(pair, index, hindi);
    if (!links.length) {
      return;
    }
    node.classList.add("hr-al");
    for (var i = 0; i < links.length; i++) {
      var selector = hindi ? '.hr-ew[data-e="' + links[i].other + '"]' : '.hr-w[data-t="' + links[i].other + '"]';
      var other = row.querySelectorAll(selector);
      for (var k = 0; k < other.length; k++) {
        other[k].classList.add("hr-al");
      }
    }
  };

  /* ------------------------------------------------------------ tooltips */

  Reader.prototype.fillTip = function (word) {
    var tip = this.tip;
    var form = this.forms[Number(word.dataset.f)] || {};
    var row = word.closest(".hr-row");
    var pair = row ? this.pairs[row.dataset.sid] : null;
    var written = word.firstChild && word.firstChild.nodeType === 3 ? word.firstChild.nodeValue : "";
    tip.textContent = "";
    line(tip, "hr-tl", form.x || written, "hi");
    if (pair && pair.a) {
      var links = this.linked(pair, Number(word.dataset.t), true);
      var confident = [];
      links.sort(function (x, y) {
        return x.other - y.other;
      });
      for (var i = 0; i < links.length; i++) {
        if (links[i].confidence >= this.labels.confident) {
          confident.push(this.englishWord(pair, links[i].other));
        }
      }
      if (confident.length) {
        line(tip, "hr-th", "here: " + confident.join(" "));
      }
    }
    if (form.r) {
      line(tip, "hr-tr", form.r);
    }
    if (form.l) {
      var lemma = line(tip, "hr-tf", "dictionary form: ");
      var hi = el("span", "", form.l);
      hi.lang = "hi";
      lemma.appendChild(hi);
    }
    if (form.g !== undefined) {
      line(tip, "hr-tp", this.strings[form.g]);
    }
    if (form.s) {
      line(tip, "hr-ts", form.s);
    } else if (form.unk) {
      line(tip, "hr-ts hr-unknown", "not in the dictionary");
    }
    if (form.n !== undefined) {
      line(tip, "hr-tn", this.strings[form.n]);
    }
    if (form.u !== undefined) {
      var parts = this.units[form.u] || ["", "", "", ""];
      var unit = line(tip, "hr-tu", "part of ");
      var u = el("span", "", parts[0]);
      u.lang = "hi";
      unit.appendChild(u);
      var rest = (parts[1] ? ": " + parts[1] : "") + (parts[2] ? " (" + parts[2] + ")" : "");
      if (rest) {
        unit.appendChild(document.createTextNode(rest));
      }
    }
    if (form.a) {
      line(tip, "hr-ta", "in this translation: " + form.a);
    }
  };

  Reader.prototype.showTip = function (word) {
    if (this.current === word && this.tip.classList.contains("hr-open")) {
      return;
    }
    this.current = word;
    this.fillTip(word);
    word.setAttribute("aria-describedby", this.tip.id);
    var tip = this.tip;
    tip.style.left = "0px";
    tip.style.top = "0px";
    tip.classList.add("hr-open");
    this.place(word);
  };

  Reader.prototype.place = function (word) {
    var tip = this.tip;
    var rect = word.getBoundingClientRect();
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var viewW = document.documentElement.clientWidth || window.innerWidth;
    var viewH = window.innerHeight;
    var left = Math.min(rect.left, viewW - width - MARGIN);
    left = Math.max(MARGIN, left);
    var top = rect.bottom + 4;
    if (top + height > viewH - MARGIN && rect.top - height - 4 >= MARGIN) {
      top = rect.top - height - 4;
    }
    /* The tooltip is fixed to the window, but an ancestor with a transform would make it
       relative to that ancestor: measure where it landed and correct once. */
    tip.style.left = left + "px";
    tip.style.top = top + "px";
    var box = tip.getBoundingClientRect();
    if (Math.abs(box.left - left) > 1 || Math.abs(box.top - top) > 1) {
      tip.style.left = 2 * left - box.left + "px";
      tip.style.top = 2 * top - box.top + "px";
    }
  };

  Reader.prototype.hideTip = function () {
    if (!this.tip) {
      return;
    }
    if (this.current) {
      this.current.removeAttribute("aria-describedby");
    }
    this.current = null;
    this.tip.classList.remove("hr-open");
    this.clearAlignment();
  };

  Reader.prototype.bind = function () {
    var self = this;
    var root = this.root;
    function word(event) {
      var target = event.target;
      return target && target.closest ? target.closest(".hr-w") : null;
    }
    function englishWord(event) {
      var target = event.target;
      return target && target.closest ? target.closest(".hr-ew") : null;
    }
    root.addEventListener("mouseover", function (event) {
      var w = word(event) || englishWord(event);
      if (w && w.classList.contains("hr-w")) {
        self.showTip(w);
      }
      if (w) {
        self.showAlignment(w);
      }
    });
    root.addEventListener("mouseout", function (event) {
      var from = word(event) || englishWord(event);
      var to = event.relatedTarget;
      if (!from || (to && from.contains(to))) {
        return;
      }
      var focused = document.activeElement;
      if (focused && focused.classList && focused.classList.contains("hr-w") && root.contains(focused)) {
        /* A focused (tapped or tabbed-to) word keeps its tooltip when the pointer leaves. */
        self.showTip(focused);
        self.showAlignment(focused);
      } else {
        self.hideTip();
      }
    });
    root.addEventListener("focusin", function (event) {
      var w = word(event);
      if (w) {
        self.showTip(w);
        self.showAlignment(w);
      }
    });
    root.addEventListener("focusout", function (event) {
      var w = word(event);
      var to = event.relatedTarget;
      if (w && w === self.current && !(to && w.contains(to))) {
        self.hideTip();
      }
    });
    /* A tap focuses the word (it is focusable), which opens its tooltip; tapping the
       open word again closes it. */
    root.addEventListener("pointerdown", function (event) {
      var w = word(event);
      self.tipWasOpen = !!(w && document.activeElement === w && self.current === w);
    });
    root.addEventListener("click", function (event) {
      var w = word(event);
      if (!w) {
        return;
      }
      if (self.tipWasOpen) {
        self.tipWasOpen = false;
        w.blur();
        self.hideTip();
      } else {
        self.showTip(w);
        self.showAlignment(w);
      }
    });
    root.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        self.hideTip();
      }
    });
    READERS.push(this);
  };

  /* One scroll listener for every reader on the page: an open tooltip follows its word.
     Readers whose element has left the page (an app redraw) are dropped here. */
  var READERS = [];
  document.addEventListener(
    "scroll",
    function () {
      READERS = READERS.filter(function (reader) {
        return reader.root.isConnected;
      });
      for (var i = 0; i < READERS.length; i++) {
        var reader = READERS[i];
        if (reader.current && reader.tip.classList.contains("hr-open")) {
          reader.place(reader.current);
        }
      }
    },
    true
  );

  return {
    mount: function (root, data, hooks) {
      return new Reader(root, data, hooks);
    },
    /* The reading aids chosen in this window's readers, or null when none was switched. */
    aids: function () {
      return AIDS;
    },
    decode: function (raw) {
      if (raw === null || raw === undefined) {
        return null;
      }
      if (typeof raw === "string") {
        return JSON.parse(raw);
      }
      if (raw instanceof ArrayBuffer || ArrayBuffer.isView(raw)) {
        return JSON.parse(new TextDecoder("utf-8").decode(raw));
      }
      return raw;
    },
  };
})());
