/*
 * Bookish derivative checker for the browser: the same semantics as src/Bookish/Calculus (C#), no dependencies,
 * works offline. Usage:
 *   BookishDerivCheck.check({declare, define, claim, layout, seed})
 *     -> {verdict: "verified" | "refuted" | "not-checkable", message, counterexample, pointsChecked}
 * The shared corpus tests/conformance/derivatives.tsv must give the same verdicts here and in C#.
 */
(function (root) {
  "use strict";

  // ---------------------------------------------------------------- errors
  function CalcError(reason, start, end) {
    this.reason = reason;
    this.start = start === undefined ? -1 : start;
    this.end = end === undefined ? -1 : end;
  }
  function fail(reason, start, end) { throw new CalcError(reason, start, end); }

  // <generated from templates/derivcheck-tables.json; do not edit: BOOKISH_UPDATE_GOLDEN=1 rewrites it (SharedTablesTests)>
  var TABLES = {"ignored":["left","right","big","Big","bigg","Bigg","bigl","bigr","Bigl","Bigr","biggl","biggr","Biggl","Biggr","displaystyle","textstyle","limits","nolimits","quad","qquad","mathrm","middle"],"notPrimary":["cdot","times","odot","oslash","otimes","circ","in","leq","geq","le","ge","neq","end","to","mapsto","approx","equiv","partial","div","pm","lt","gt","succ","text"],"greek":["alpha","beta","gamma","delta","epsilon","varepsilon","zeta","eta","theta","vartheta","iota","kappa","lambda","mu","nu","xi","pi","rho","varrho","sigma","tau","upsilon","phi","varphi","chi","psi","omega","Gamma","Delta","Theta","Lambda","Xi","Pi","Sigma","Upsilon","Phi","Psi","Omega","ell"],"bold":["mathbf","boldsymbol","bm","vec","mathbfit","pmb"],"accents":["hat","tilde","bar","mathcal","overline","widehat","dot","overrightarrow"],"builtinCommands":{"exp":"exp","ln":"ln","log":"ln","sin":"sin","cos":"cos","tan":"tan","tanh":"tanh","sinh":"sinh","cosh":"cosh","det":"det","max":"max","min":"min"},"operatorNames":{"tr":"tr","Tr":"tr","trace":"tr","diag":"diag","sum":"sum","exp":"exp","ln":"ln","log":"ln","det":"det","max":"max","min":"min","tanh":"tanh","sigmoid":"sigma","abs":"abs","sin":"sin","cos":"cos","tan":"tan","vec":"vec","adj":"adj","eig":"eig","prod":"prod","sinh":"sinh","cosh":"cosh","pinv":"pinv","sqrt":"sqrt","sgn":"sign","sign":"sign"},"matrixFunctions":["exp","ln","sin","cos","tan","sinh","cosh","tanh","sqrt"],"environments":["bmatrix","pmatrix","matrix","Bmatrix","vmatrix","smallmatrix"]};
  // </generated>

  // ---------------------------------------------------------------- tokenizer
  var IGNORED = set(TABLES.ignored);
  function set(a) { var s = new Set(); for (var i = 0; i < a.length; i++) s.add(a[i]); return s; }
  function isLetter(c) { return /^[A-Za-z]$/.test(c); }
  function isDigit(c) { return c >= "0" && c <= "9"; }
  function tok(kind, text, start, end) { return { kind: kind, text: text, start: start, end: end }; }
  function isSym(t, s) { return t.kind === "sym" && t.text === s; }
  function isCmd(t, s) { return t.kind === "cmd" && t.text === s; }
  function isLet(t, s) { return t.kind === "letter" && t.text === s; }

  function tokenize(s) {
    var tokens = [], i = 0;
    while (i < s.length) {
      var c = s[i];
      if (/\s/.test(c) || c === "~") { i++; continue; }
      if (c === "\\") {
        var start = i;
        if (i + 1 < s.length && isLetter(s[i + 1])) {
          var j = i + 1;
          while (j < s.length && isLetter(s[j])) j++;
          var name = s.substring(i + 1, j);
          i = j;
          if ((name === "left" || name === "right") && i < s.length && s[i] === ".") { i++; continue; }
          if (IGNORED.has(name)) continue;
          if (name === "lVert" || name === "rVert" || name === "Vert") tokens.push(tok("dbar", "||", start, i));
          else if (name === "lvert" || name === "rvert" || name === "vert" || name === "mid") tokens.push(tok("sym", "|", start, i));
          else if (name === "lbrace") tokens.push(tok("sym", "(", start, i));
          else if (name === "rbrace") tokens.push(tok("sym", ")", start, i));
          else if (name === "lbrack") tokens.push(tok("sym", "[", start, i));
          else if (name === "rbrack") tokens.push(tok("sym", "]", start, i));
          else tokens.push(tok("cmd", name, start, i));
          continue;
        }
        var n = i + 1 < s.length ? s[i + 1] : " ";
        i += 2;
        if (n === "|") tokens.push(tok("dbar", "||", start, i));
        else if (n === "\\") tokens.push(tok("rowsep", "\\\\", start, i));
        else if (n === "{") tokens.push(tok("sym", "(", start, i));
        else if (n === "}") tokens.push(tok("sym", ")", start, i));
        continue;
      }
      if (isDigit(c) || (c === "." && i + 1 < s.length && isDigit(s[i + 1]))) {
        var k = i;
        while (k < s.length && (isDigit(s[k]) || s[k] === ".")) k++;
        tokens.push(tok("number", s.substring(i, k), i, k));
        i = k;
        continue;
      }
      if (isLetter(c)) { tokens.push(tok("letter", c, i, i + 1)); i++; continue; }
      tokens.push(tok("sym", c, i, i + 1));
      i++;
    }
    tokens.push(tok("end", "", s.length, s.length));
    return tokens;
  }

  // ---------------------------------------------------------------- parser
  var NOT_PRIMARY = set(TABLES.notPrimary);
  var GREEK = set(TABLES.greek);
  var BOLD = set(TABLES.bold);
  var ACCENTS = set(TABLES.accents);
  var BUILTIN_CMDS = TABLES.builtinCommands;
  var OPERATOR_NAMES = TABLES.operatorNames;
  var EMPTY_SETTINGS = { functions: new Set(), variables: new Set() };

  function Parser(tokens, src, settings) {
    this.t = tokens; this.src = src; this.s = settings; this.p = 0; this.abs = 0; this.norm = 0; this.dots = 0;
  }
  var P = Parser.prototype;
  P.peek = function () { return this.t[this.p]; };
  P.peekAt = function (k) { return this.t[Math.min(this.p + k, this.t.length - 1)]; };
  P.next = function () { return this.t[this.p++]; };
  P.unexpected = function (t) {
    return t.kind === "end" ? new CalcError("unexpected end of expression", t.start, t.end)
      : new CalcError("unsupported or unexpected '" + this.src.substring(t.start, t.end) + "'", t.start, t.end);
  };
  P.expectEnd = function () { if (this.peek().kind !== "end") throw this.unexpected(this.peek()); };
  P.expect = function (s) {
    if (!isSym(this.peek(), s)) fail("expected '" + s + "'", this.peek().start, this.peek().end);
    this.p++;
  };
  P.sub = function (tokens) {
    var e = tokens.length > 0 ? tokens[tokens.length - 1].end : this.peek().start;
    return new Parser(tokens.concat([tok("end", "", e, e)]), this.src, this.s);
  };
  P.parseSubExpr = function (tokens) { var sp = this.sub(tokens); var e = sp.parseExpr(); sp.expectEnd(); return e; };
  P.readGroup = function () {
    var t = this.next();
    // TeX reads J_\mathbf{w} as J_{\mathbf{w}}: a font command takes its argument along into the group.
    if (t.kind === "cmd" && FONT_COMMANDS.has(t.text) && isSym(this.peek(), "{")) {
      this.next();
      return [t, tok("sym", "{", t.end, t.end + 1)].concat(this.readGroupRest(t), [tok("sym", "}", t.end, t.end)]);
    }
    if (!isSym(t, "{")) { if (t.kind === "end") throw this.unexpected(t); return [t]; }
    return this.readGroupRest(t);
  };
  var FONT_COMMANDS = set(["mathbf", "boldsymbol", "bm", "vec", "mathrm", "mathit", "operatorname", "text", "mathsf"]);
  P.readGroupRest = function (t) {
    var depth = 1, list = [];
    for (;;) {
      var u = this.next();
      if (u.kind === "end") fail("unbalanced braces", t.start, u.end);
      if (isSym(u, "{")) depth++;
      if (isSym(u, "}") && --depth === 0) return list;
      list.push(u);
    }
  };
  P.parseExpr = function () {
    var start = this.peek().start;
    var left = this.parseTerm();
    while (isSym(this.peek(), "+") || isSym(this.peek(), "-")) {
      var op = this.next().text;
      var right = this.parseTerm();
      left = { k: "bin", op: op, a: left, b: right, start: start, end: right.end };
    }
    return left;
  };
  var MUL_CMDS = { cdot: "cdot", times: "times", odot: "odot", circ: "odot", oslash: "oslash", otimes: "otimes" };
  P.parseTerm = function () {
    var start = this.peek().start;
    var left = this.parseUnary();
    for (;;) {
      var t = this.peek(), op = null;
      if (t.kind === "cmd" && Object.prototype.hasOwnProperty.call(MUL_CMDS, t.text)) op = MUL_CMDS[t.text];
      else if (isSym(t, "*")) op = "cdot";
      else if (isSym(t, "/")) op = "/";
      if (op !== null) {
        this.p++;
        var r = this.parseUnary();
        left = { k: "bin", op: op, a: left, b: r, start: start, end: r.end };
      } else if (this.canStartPrimary(t)) {
        var r2 = this.parsePostfix();
        left = { k: "bin", op: "juxt", a: left, b: r2, start: start, end: r2.end };
      } else return left;
    }
  };
  P.canStartPrimary = function (t) {
    switch (t.kind) {
      case "number": case "letter": return true;
      case "dbar": return this.norm === 0;
      case "cmd": return !NOT_PRIMARY.has(t.text) && !(this.dots > 0 && isDots(t.text));
      case "sym": return t.text === "(" || t.text === "[" || t.text === "{" || (t.text === "|" && this.abs === 0);
      default: return false;
    }
  };
  P.parseUnary = function () {
    var t = this.peek();
    if (isSym(t, "-")) { this.p++; var e = this.parseUnary(); return { k: "neg", a: e, start: t.start, end: e.end }; }
    if (isSym(t, "+")) { this.p++; return this.parseUnary(); }
    return this.parsePostfix();
  };
  P.parsePostfix = function () {
    var e = this.parsePrimary();
    while (isSym(this.peek(), "^")) e = this.parseExponent(e);
    return e;
  };
  P.parseExponent = function (e) {
    this.p++;
    var group = this.readGroup();
    var bare = group.filter(function (g) { return !isSym(g, "{") && !isSym(g, "}") && !isCmd(g, "mathsf") && !isCmd(g, "rm"); });
    var end = this.t[this.p - 1].end;
    function isT(g) { return isLet(g, "T") || isCmd(g, "top") || isCmd(g, "intercal") || isCmd(g, "mathsf"); }
    if (bare.length === 1 && isT(bare[0])) return { k: "transpose", op: "T", a: e, start: e.start, end: end };
    if (bare.length === 2 && isSym(bare[0], "-") && isT(bare[1])) return { k: "transpose", op: "-T", a: e, start: e.start, end: end };
    if (bare.length === 1 && (isSym(bare[0], "+") || isCmd(bare[0], "dagger"))) return { k: "fn", name: "pinv", args: [e], start: e.start, end: end };
    if (bare.length >= 1 && (isCmd(bare[0], "prime") || isSym(bare[0], "'"))) fail("prime in an exponent is not supported", e.start, end);
    if (group.length === 0) fail("empty exponent", e.start, end);
    var exponent = this.parseSubExpr(group);
    return { k: "pow", a: e, b: exponent, start: e.start, end: end };
  };
  P.parsePrimary = function () {
    var t = this.peek();
    switch (t.kind) {
      case "number":
        this.p++;
        var v = /^[0-9]*\.?[0-9]*$/.test(t.text) ? Number(t.text) : NaN;
        if (isNaN(v)) fail("bad number '" + t.text + "'", t.start, t.end);
        return { k: "num", v: v, start: t.start, end: t.end };
      case "letter": return this.parseSymbolOrCall();
      case "dbar": return this.parseNorm();
      case "sym": return this.parseBracketed(t);
      case "cmd": return this.parseCommand(t);
      default: throw this.unexpected(t);
    }
  };
  P.parseBracketed = function (t) {
    var e;
    switch (t.text) {
      case "(": this.p++; e = this.parseExpr(); this.expect(")"); return spanned(e, t.start, this.t[this.p - 1].end);
      case "{": this.p++; e = this.parseExpr(); this.expect("}"); return spanned(e, t.start, this.t[this.p - 1].end);
      case "|":
        this.p++; this.abs++; e = this.parseExpr(); this.abs--; this.expect("|");
        return { k: "fn", name: "abs", args: [e], start: t.start, end: this.t[this.p - 1].end };
      case "[":
        this.p++;
        var found = this.tryParseEllipsisList(this.p, "]", t.start);
        if (found !== null) { this.p = found.closer; this.expect("]"); return spanned(found.list, t.start, this.t[this.p - 1].end); }
        var items = [this.parseExpr()];
        while (isSym(this.peek(), ",")) { this.p++; items.push(this.parseExpr()); }
        this.expect("]");
        if (items.length === 1) return spanned(items[0], t.start, this.t[this.p - 1].end);
        return { k: "matrix", rows: [items], start: t.start, end: this.t[this.p - 1].end };
      default: throw this.unexpected(t);
    }
  };
  function spanned(e, start, end) { var c = {}; for (var k in e) if (has(e, k)) c[k] = e[k]; c.start = start; c.end = end; return c; }
  P.parseNorm = function () {
    var t = this.next();
    this.norm++; var e = this.parseExpr(); this.norm--;
    if (this.peek().kind !== "dbar") fail("unclosed norm", t.start, this.peek().end);
    this.p++;
    var name = "norm";
    if (isSym(this.peek(), "_")) {
      this.p++;
      var text = this.readGroup().filter(function (s) { return !isSym(s, "{") && !isSym(s, "}") && !isCmd(s, "text") && !isCmd(s, "textrm"); })
        .map(function (s) { return s.text; }).join("");
      if (text === "2") name = "norm2";
      else if (text === "F" || text === "Frob" || text === "fro") name = "normF";
      else if (text === "1") name = "norm1";
      else if (text === "infty" || text === "max") name = "normInf";
      else fail("unsupported norm '_" + text + "'", t.start, this.t[this.p - 1].end);
    }
    return { k: "fn", name: name, args: [e], start: t.start, end: this.t[this.p - 1].end };
  };
  function isDots(c) { return c === "ldots" || c === "cdots" || c === "dots"; }
  var LIST_INDEX = "#k";
  /**
   * A row e_1, e_2, \ldots, e_n (bmatrix or [ ]) or a column e_1 \\ \ldots \\ e_n: one pattern, equal token for token
   * except where the first has 1 (the second 2) and the last one letter, whose declared value is the length; entries
   * with no index are as many as the declared n. Null when no item is a lone \ldots; otherwise throws (not checkable).
   * Twin of Parser.TryParseEllipsisList.
   */
  P.tryParseEllipsisList = function (p, closer, start) {
    var items = [], item = [], sep = null, depth = 0, envs = 0, t;
    for (; ; p++) {
      t = this.t[p];
      if (t.kind === "end") return null;
      if (depth === 0 && envs === 0 && (closer !== null ? isSym(t, closer) : isCmd(t, "end"))) break;
      if (t.kind === "sym" && (t.text === "{" || t.text === "(" || t.text === "[")) depth++;
      else if (t.kind === "sym" && (t.text === "}" || t.text === ")" || t.text === "]")) depth--;
      else if (isCmd(t, "begin")) envs++;
      else if (isCmd(t, "end")) envs--;
      if (depth === 0 && envs === 0 && (isSym(t, ",") || isSym(t, "&") || t.kind === "rowsep")) {
        var s = isSym(t, ",") ? "," : isSym(t, "&") ? "&" : "\n";
        if (sep !== null && sep !== s) return null;
        sep = s; items.push(item); item = [];
        continue;
      }
      item.push(t);
    }
    if (item.length > 0 || sep !== "\n") items.push(item);
    function lone(i) { return i.length === 1 && i[0].kind === "cmd" && isDots(i[0].text); }
    var dots = -1, lastDots = -1;
    items.forEach(function (i, k) { if (lone(i)) { if (dots < 0) dots = k; lastDots = k; } });
    if (dots < 0 || sep === null || sep === "&") return null;
    var end = this.t[p].end;
    if (lastDots !== dots) fail("a list with two ellipses: cannot tell which pattern it follows", start, end);
    if (dots === 0 || dots !== items.length - 2) fail("a list with '\\ldots' needs its first entries before and its last entry after it", start, end);
    var first = items[0], last = items[items.length - 1], at = [], count = null, k, j;
    var bad = "the entries around '\\ldots' do not follow one pattern";
    if (first.length !== last.length || first.length === 0) fail(bad, start, end);
    for (k = 0; k < first.length; k++) {
      if (first[k].kind === last[k].kind && first[k].text === last[k].text) continue;
      if (!(first[k].kind === "number" && first[k].text === "1" && last[k].kind === "letter" && (count === null || count === last[k].text))) fail(bad, start, end);
      count = last[k].text;
      at.push(k);
    }
    for (j = 1; j < dots; j++) {
      var e = items[j], ok = e.length === first.length;
      for (k = 0; ok && k < first.length; k++)
        ok = at.indexOf(k) >= 0 ? e[k].kind === "number" && e[k].text === String(j + 1) : e[k].kind === first[k].kind && e[k].text === first[k].text;
      if (!ok) fail(bad, start, end);
    }
    var template = first.map(function (x, k) { return at.indexOf(k) >= 0 ? tok("letter", LIST_INDEX, x.start, x.end) : x; });
    var body = this.parseSubExpr(template);
    var list = { k: "fn", name: "list", args: [body, { k: "sym", name: count === null ? "n" : count, bold: false, start: start, end: end }], start: start, end: end };
    return { list: sep === "," ? { k: "transpose", op: "T", a: list, start: start, end: end } : list, closer: p };
  };
  /** \ldots x_i \ldots, as in diag(\ldots \frac{1}{x_i} \ldots): the column of the entries over the one free index. */
  P.parseEntries = function (t) {
    this.p++;
    this.dots++;
    var body;
    try { body = this.parseExpr(); } finally { this.dots--; }
    if (!(this.peek().kind === "cmd" && isDots(this.peek().text)))
      fail("'\\ldots' is read only around one entry with an index, as in diag(\\ldots x_i \\ldots)", t.start, t.end);
    this.p++;
    return { k: "fn", name: "entries", args: [body], start: t.start, end: this.t[this.p - 1].end };
  };
  P.parseCommand = function (t) {
    var name = t.text;
    if (name === "frac" || name === "dfrac" || name === "tfrac") return this.parseFrac();
    if (name === "sqrt") return this.parseSqrt();
    if (name === "sum") return this.parseSum();
    if (name === "prod") {
      var pr = this.parseSum();
      if (pr.k === "sum") pr.product = true; else if (pr.k === "fn") pr.name = "prod";
      return pr;
    }
    if (name === "nabla") return this.parseNabla();
    if (isDots(name) && this.dots === 0) return this.parseEntries(t);
    if (name === "begin") return this.parseEnvironment();
    if (name === "operatorname" || name === "text" || name === "textrm" || name === "mathop") {
      this.p++;
      var word = this.readGroup().map(function (g) { return g.text; }).join("").trim();
      if (isSym(this.peek(), "*")) this.p++;
      if (!Object.prototype.hasOwnProperty.call(OPERATOR_NAMES, word)) fail("unsupported operator '" + word + "'", t.start, this.t[this.p - 1].end);
      return this.parseBuiltin(OPERATOR_NAMES[word], t);
    }
    if (Object.prototype.hasOwnProperty.call(BUILTIN_CMDS, name)) { this.p++; return this.parseBuiltin(BUILTIN_CMDS[name], t); }
    if (name === "pi" && !this.s.variables.has("\\pi")) { this.p++; return { k: "num", v: Math.PI, start: t.start, end: t.end }; }
    if (name === "infty") fail("infinity is not supported", t.start, t.end);
    if (GREEK.has(name) || BOLD.has(name) || ACCENTS.has(name)) return this.parseSymbolOrCall();
    fail("unsupported construct '\\" + name + "'", t.start, t.end);
  };
  P.parseSqrt = function () {
    var t = this.next(), root = null;
    if (isSym(this.peek(), "[")) { this.p++; root = this.parseExpr(); this.expect("]"); }
    var arg = this.parseSubExpr(this.readGroup());
    var end = this.t[this.p - 1].end;
    if (root === null) return { k: "fn", name: "sqrt", args: [arg], start: t.start, end: end };
    return { k: "pow", a: arg, b: { k: "bin", op: "/", a: { k: "num", v: 1, start: t.start, end: t.start }, b: root, start: t.start, end: end }, start: t.start, end: end };
  };
  function isFunctionStart(t) {
    return t.kind === "cmd" && (Object.prototype.hasOwnProperty.call(BUILTIN_CMDS, t.text) || t.text === "operatorname" || t.text === "frac" || t.text === "sum" || t.text === "nabla");
  }
  P.parseBuiltin = function (name, t) {
    var power = null;
    if (isSym(this.peek(), "^")) { this.p++; power = this.parseSubExpr(this.readGroup()); }
    if (isSym(this.peek(), "_")) fail("subscripted '" + name + "' is not supported", t.start, this.peek().end);
    var args = [];
    // diag(e_1, e_2, \ldots, e_n): the diagonal of the list's entries (Parser.tryParseEllipsisList).
    var listed = name === "diag" && isSym(this.peek(), "(") ? this.tryParseEllipsisList(this.p + 1, ")", this.peek().start) : null;
    if (listed !== null) {
      this.p = listed.closer + 1;
      args.push(listed.list.k === "transpose" ? listed.list.a : listed.list);
    } else if (isSym(this.peek(), "(")) {
      this.p++;
      args.push(this.parseExpr());
      while (isSym(this.peek(), ",")) { this.p++; args.push(this.parseExpr()); }
      this.expect(")");
    } else if (isSym(this.peek(), "{")) {
      args.push(this.parseSubExpr(this.readGroup()));
    } else {
      var start = this.peek().start;
      if (!this.canStartPrimary(this.peek())) throw this.unexpected(this.peek());
      var arg = this.parsePostfix();
      while (this.canStartPrimary(this.peek()) && !isFunctionStart(this.peek()) && !isSym(this.peek(), "(")) {
        var right = this.parsePostfix();
        arg = { k: "bin", op: "juxt", a: arg, b: right, start: start, end: right.end };
      }
      args.push(arg);
    }
    if ((name === "max" || name === "min") ? args.length !== 2 : args.length !== 1)
      fail("wrong number of arguments for '" + name + "'", t.start, this.t[this.p - 1].end);
    var call = { k: "fn", name: name, args: args, start: t.start, end: this.t[this.p - 1].end };
    if (power !== null) call = { k: "pow", a: call, b: power, ofFunction: true, start: t.start, end: this.t[this.p - 1].end };
    return call;
  };
  P.readName = function () {
    var t = this.next();
    if (t.kind === "letter") return { name: t.text, bold: false, constant: null };
    if (t.kind === "cmd" && GREEK.has(t.text)) return { name: "\\" + t.text, bold: false, constant: null };
    if (t.kind === "cmd" && (BOLD.has(t.text) || ACCENTS.has(t.text))) {
      var bold = BOLD.has(t.text);
      var group = this.readGroup();
      var core = group.filter(function (g) { return !isSym(g, "{") && !isSym(g, "}") && !(g.kind === "cmd" && BOLD.has(g.text)); });
      if (core.length === 1 && core[0].kind === "number" && (core[0].text === "1" || core[0].text === "0") && (bold || t.text === "overrightarrow"))
        return { name: "", bold: true, constant: core[0].text === "1" ? "ones" : "zero" };
      if (group.length === 1) {
        var g = group[0];
        if (bold && g.kind === "number" && (g.text === "1" || g.text === "0")) return { name: "", bold: true, constant: g.text === "1" ? "ones" : "zero" };
        if (bold && isLet(g, "I") && !this.s.variables.has("\\mathbf{I}")) return { name: "", bold: true, constant: "identity" };
        var inner = g.kind === "letter" ? g.text : (g.kind === "cmd" && GREEK.has(g.text)) ? "\\" + g.text : fail("unsupported name", t.start, g.end);
        return bold ? { name: "\\mathbf{" + inner + "}", bold: true, constant: null } : { name: "\\" + t.text + "{" + inner + "}", bold: false, constant: null };
      }
      fail("unsupported name", t.start, this.t[this.p - 1].end);
    }
    throw this.unexpected(t);
  };
  function subscriptText(group) { return group.map(function (g) { return g.kind === "cmd" ? "\\" + g.text : g.text; }).join(""); }
  P.parseVariable = function () {
    var start = this.peek().start;
    var n = this.readName();
    if (n.constant !== null) fail("expected a variable", start, this.t[this.p - 1].end);
    if (!isSym(this.peek(), "_")) return { k: "sym", name: n.name, bold: n.bold, start: start, end: this.t[this.p - 1].end };
    this.p++;
    var group = this.readGroup();
    var full = n.name + "_" + subscriptText(group);
    var end = this.t[this.p - 1].end;
    if (this.s.variables.has(full) || this.s.functions.has(full)) return { k: "sym", name: full, bold: n.bold, start: start, end: end };
    return { k: "index", target: { k: "sym", name: n.name, bold: n.bold, start: start, end: end }, indices: this.parseIndices(group), start: start, end: end };
  };
  P.parseIndices = function (group) {
    var self = this;
    if (group.some(function (g) { return isSym(g, ","); })) {
      var parts = [], current = [];
      group.forEach(function (g) { if (isSym(g, ",")) { parts.push(self.parseSubExpr(current)); current = []; } else current.push(g); });
      parts.push(this.parseSubExpr(current));
      return parts;
    }
    if (group.length === 2 && group.every(function (g) { return g.kind === "letter" || g.kind === "number"; }))
      return [this.parseSubExpr([group[0]]), this.parseSubExpr([group[1]])];
    return [this.parseSubExpr(group)];
  };
  P.parseSymbolOrCall = function () {
    var start = this.peek().start;
    var n = this.readName();
    if (n.constant !== null) {
      var size = null;
      if (isSym(this.peek(), "_")) { this.p++; size = this.parseSubExpr(this.readGroup()); }
      return { k: "const", which: n.constant, size: size, start: start, end: this.t[this.p - 1].end };
    }
    var target, full = n.name;
    if (isSym(this.peek(), "_")) {
      this.p++;
      var group = this.readGroup();
      full = n.name + "_" + subscriptText(group);
      var end = this.t[this.p - 1].end;
      if (n.name === "\\lambda" && isSym(this.peek(), "(") && !this.s.variables.has(full) && !this.s.functions.has(full))
        return this.parseEigenvalue(group, start);
      // f_1(x), f_n(x), f_{#k}(x) with one family f_i defined: a call of the family's member (Evaluator: familyMember).
      var member = !n.bold && group.length === 1 && (group[0].kind === "number" || group[0].kind === "letter") && isSym(this.peek(), "(")
        && (familyOf(this.s.functions, n.name) !== null || this.s.functions.has("\\mathbf{" + n.name + "}"));
      target = this.s.variables.has(full) || this.s.functions.has(full) || member
        ? { k: "sym", name: full, bold: n.bold, start: start, end: end }
        : { k: "index", target: { k: "sym", name: n.name, bold: n.bold, start: start, end: end }, indices: this.parseIndices(group), start: start, end: end };
    } else target = { k: "sym", name: n.name, bold: n.bold, start: start, end: this.t[this.p - 1].end };
    var primes = 0;
    while (isSym(this.peek(), "'") || (isSym(this.peek(), "^") && isCmd(this.peekAt(1), "prime"))) { this.p += isSym(this.peek(), "'") ? 1 : 2; primes++; }
    var isFunction = this.s.functions.has(full) || full === "\\sigma";
    var looksLikeCall = isSym(this.peek(), "(") && target.k === "sym" && (isFunction || (!this.s.variables.has(full) && full !== "e"));
    if (looksLikeCall) {
      this.p++;
      var args = [this.parseExpr()];
      while (isSym(this.peek(), ",")) { this.p++; args.push(this.parseExpr()); }
      this.expect(")");
      return { k: "call", name: full, args: args, primes: primes, start: start, end: this.t[this.p - 1].end };
    }
    if (primes > 0) {
      if (this.s.functions.has(full)) return { k: "call", name: full, args: [], primes: primes, start: start, end: this.t[this.p - 1].end };
      fail("prime notation needs a defined function", start, this.t[this.p - 1].end);
    }
    if (target.k === "sym" && this.s.functions.has(full)) return { k: "call", name: target.name, args: [], primes: 0, start: start, end: target.end };
    return target;
  };
  /** The one function named base_L (L a letter) among names, or null: f_i stands for the family f_1, f_2, …, f_n. */
  function familyOf(names, base) {
    var found = null, count = 0;
    names.forEach(function (f) { if (f.length === base.length + 2 && f.slice(0, base.length + 1) === base + "_" && /[A-Za-z]/.test(f.charAt(f.length - 1))) { found = f; count++; } });
    return count === 1 ? found : null;
  }
  P.parseEigenvalue = function (group, start) {
    this.p++;
    var arg = this.parseExpr();
    this.expect(")");
    var end = this.t[this.p - 1].end;
    var word = group.filter(function (g) { return (g.kind === "letter" || g.kind === "cmd") && !isCmd(g, "text"); }).map(function (g) { return g.text; }).join("");
    if (word === "max") return { k: "fn", name: "lambdamax", args: [arg], start: start, end: end };
    if (word === "min") return { k: "fn", name: "lambdamin", args: [arg], start: start, end: end };
    if (group.length === 1 && group[0].kind === "letter") return { k: "fn", name: "eigat", args: [this.parseSubExpr(group), arg], start: start, end: end };
    fail("an eigenvalue with a fixed number: their order is not standard (write \\lambda_{\\max} or \\lambda_{\\min}, or sum over i)", start, end);
  };
  function isDifferential(t) { return isLet(t, "d") || isCmd(t, "partial") || isCmd(t, "mathrm"); }
  /** \partial {x_1}: braces around the whole variable below a derivative are dropped (twin of Parser.UnwrapGroup). */
  function unwrapGroup(g) {
    if (g.length < 2 || !isSym(g[0], "{") || !isSym(g[g.length - 1], "}")) return g;
    var depth = 0;
    for (var i = 0; i < g.length; i++) {
      if (isSym(g[i], "{")) depth++;
      else if (isSym(g[i], "}") && --depth === 0 && i < g.length - 1) return g;
    }
    return g.slice(1, g.length - 1);
  }
  function stripRomanD(g) {
    if (g.length >= 3 && isSym(g[0], "{") && isLet(g[1], "d") && isSym(g[2], "}")) return [g[1]].concat(g.slice(3));
    return g;
  }
  P.parseFrac = function () {
    var t = this.next();
    var num = stripRomanD(this.readGroup()), den = stripRomanD(this.readGroup());
    var end = this.t[this.p - 1].end;
    var derivative = num.length >= 1 && den.length >= 2 && isDifferential(num[0]) && isDifferential(den[0]);
    if (!derivative) return { k: "bin", op: "/", a: this.parseSubExpr(num), b: this.parseSubExpr(den), start: t.start, end: end };
    var second = num.length > 2 && isSym(num[1], "^");
    if (second) {
      if (!(num[2].kind === "number" && num[2].text === "2")) fail("derivatives above the second are not supported", t.start, end);
      num = [num[0]].concat(num.slice(3));
    }
    var vp = this.sub(unwrapGroup(den.slice(1)));
    var variables = [vp.parseDenominatorVariable()], squared = false, power;
    function isTr(g) { return g.length === 1 && (isLet(g[0], "T") || isCmd(g[0], "top")); }
    if (isSym(vp.peek(), "^")) {
      vp.p++;
      power = vp.readGroup();
      if (power.length === 1 && power[0].kind === "number" && power[0].text === "2") squared = true;
      else if (!second || !isTr(power)) fail("unsupported power in the denominator of a derivative", t.start, end);
    }
    if (vp.peek().kind !== "end" && isDifferential(vp.peek())) {
      vp.p++;
      variables.push(vp.parseVariable());
      if (isSym(vp.peek(), "^")) {
        vp.p++;
        power = vp.readGroup();
        if (!isTr(power)) fail("unsupported power in the denominator of a derivative", t.start, end);
      }
    }
    if (vp.peek().kind !== "end") fail("unsupported denominator of a derivative", t.start, end);
    if (squared) variables.push(variables[0]);
    if (second !== (variables.length === 2))
      fail(second ? "a second derivative needs two variables below (\\partial x^2 or \\partial x \\partial y)" : "mixed partial derivatives need \\partial^2 above", t.start, end);
    if (num.length > 1) {
      var operand = this.parseSubExpr(num.slice(1));
      return { k: "deriv", a: operand, vars: variables, nabla: false, second: second, partial: isCmd(num[0], "partial"), start: t.start, end: end };
    }
    var op = this.parseTerm();
    return { k: "deriv", a: op, vars: variables, nabla: false, second: second, partial: isCmd(num[0], "partial"), start: t.start, end: op.end };
  };
  P.parseDenominatorVariable = function () {
    if (isCmd(this.peek(), "operatorname") || isCmd(this.peek(), "mathrm")) {
      var start = this.peek().start;
      this.p++;
      var word = this.readGroup().map(function (g) { return g.text; }).join("");
      if (word !== "vec") fail("cannot differentiate with respect to '" + word + "'", start, this.t[this.p - 1].end);
      var paren = isSym(this.peek(), "(");
      if (paren) this.p++;
      var v = this.parseVariable();
      if (paren) this.expect(")");
      return { k: "fn", name: "vec", args: [v], start: start, end: this.t[this.p - 1].end };
    }
    return this.parseVariable();
  };
  P.parseNabla = function () {
    var t = this.next(), second = false, self = this;
    function squarePower() {
      self.p++;
      var pw = self.readGroup();
      if (!(pw.length === 1 && pw[0].kind === "number" && pw[0].text === "2")) fail("unsupported power of \\nabla", t.start, self.t[self.p - 1].end);
      second = true;
    }
    if (isSym(this.peek(), "^")) squarePower();
    if (isSym(this.peek(), "_")) {
      this.p++;
      var sp = this.sub(this.readGroup());
      if (!second && isSym(this.peek(), "^")) squarePower();
      var vars = [sp.parseVariable()];
      while (isSym(sp.peek(), ",")) { sp.p++; vars.push(sp.parseVariable()); }
      if (sp.peek().kind !== "end") fail("unsupported \\nabla subscript", t.start, this.t[this.p - 1].end);
      var operand = this.parseTerm();
      if (second) {
        if (vars.length !== 1) fail("\\nabla^2 needs one variable", t.start, operand.end);
        return { k: "deriv", a: operand, vars: [vars[0], vars[0]], nabla: false, second: true, start: t.start, end: operand.end };
      }
      return { k: "deriv", a: operand, vars: vars, nabla: true, start: t.start, end: operand.end };
    }
    if (second) {
      var c2 = this.parsePostfix();
      if (c2.k !== "call" || c2.args.length !== 1 || c2.primes > 0)
        fail("\\nabla^2 needs a subscript or a call of one argument such as \\nabla^2 f(\\mathbf{x})", t.start, c2.end);
      return { k: "deriv", a: c2, vars: [c2.args[0], c2.args[0]], nabla: false, second: true, start: t.start, end: c2.end };
    }
    var call = this.parsePostfix();
    if (call.k !== "call" || call.primes > 0)
      fail("\\nabla without a subscript needs a function call such as \\nabla f(x, y)", t.start, call.end);
    return { k: "deriv", a: call, vars: [], nabla: true, start: t.start, end: call.end };
  };
  P.parseSum = function () {
    var t = this.next();
    if (!isSym(this.peek(), "_")) {
      var arg = this.parsePostfix();
      return { k: "fn", name: "sum", args: [arg], start: t.start, end: arg.end };
    }
    this.p++;
    var lower = this.readGroup();
    var eq = -1;
    for (var i = 0; i < lower.length; i++) if (isSym(lower[i], "=")) { eq = i; break; }
    if (lower.length === 1 && lower[0].kind === "letter" && !isSym(this.peek(), "^")) {
      var b = this.parseTerm();
      return { k: "sum", index: lower[0].text, from: { k: "num", v: 1, start: t.start, end: t.start }, to: null, body: b, start: t.start, end: b.end };
    }
    if (eq !== 1 || lower[0].kind !== "letter") fail("a sum needs an index such as _{i=1}", t.start, this.t[this.p - 1].end);
    var index = lower[0].text;
    var from = this.parseSubExpr(lower.slice(2));
    var to = null;
    if (isSym(this.peek(), "^")) { this.p++; to = this.parseSubExpr(this.readGroup()); }
    var body = this.parseTerm();
    return { k: "sum", index: index, from: from, to: to, body: body, start: t.start, end: body.end };
  };
  var ENVS = set(TABLES.environments);
  /** \begin{cases} 0 & z \leq 0 \\ 1 & z > 0 \end{cases}: one piece per row (value or chain of equal values, condition). */
  P.parseCases = function (t) {
    var pieces = [];
    while (!isCmd(this.peek(), "end")) {
      var start = this.peek().start;
      var links = [this.parseExpr()];
      while (isSym(this.peek(), "=")) { this.p++; links.push(this.parseExpr()); }
      if (!isSym(this.peek(), "&")) fail("a case needs '& condition', as in '1 & x > 0'", start, this.peek().end);
      this.p++;
      var lhs = this.parseExpr();
      var c = this.peek(), op;
      if (isSym(c, "<") || isCmd(c, "lt")) op = "lt";
      else if (isSym(c, ">") || isCmd(c, "gt")) op = "gt";
      else if (isCmd(c, "leq") || isCmd(c, "le")) op = "le";
      else if (isCmd(c, "geq") || isCmd(c, "ge")) op = "ge";
      else fail("a case's condition must compare with <, >, \\leq or \\geq", c.start, c.end);
      this.p++;
      var rhs = this.parseExpr();
      pieces.push({ k: "fn", name: "case" + op, args: [lhs, rhs].concat(links), start: start, end: this.t[this.p - 1].end });
      if (this.peek().kind === "rowsep") { this.p++; continue; }
      if (!isCmd(this.peek(), "end")) throw this.unexpected(this.peek());
    }
    this.p++;
    this.readGroup();
    if (pieces.length === 0) fail("empty cases", t.start, this.t[this.p - 1].end);
    return { k: "fn", name: "cases", args: pieces, start: t.start, end: this.t[this.p - 1].end };
  };
  P.parseEnvironment = function () {
    var t = this.next();
    var env = this.readGroup().map(function (g) { return g.text; }).join("");
    if (env === "cases") return this.parseCases(t);
    if (!ENVS.has(env)) fail("unsupported environment '" + env + "'", t.start, this.t[this.p - 1].end);
    var found = env !== "vmatrix" ? this.tryParseEllipsisList(this.p, null, t.start) : null;
    if (found !== null) { this.p = found.closer + 1; this.readGroup(); return found.list; }
    var rows = [], row = [];
    for (;;) {
      row.push(this.parseExpr());
      if (isSym(this.peek(), "&")) { this.p++; continue; }
      if (this.peek().kind === "rowsep") {
        this.p++; rows.push(row); row = [];
        if (isCmd(this.peek(), "end")) break;
        continue;
      }
      if (isCmd(this.peek(), "end")) { rows.push(row); break; }
      throw this.unexpected(this.peek());
    }
    this.p++;
    this.readGroup();
    var end = this.t[this.p - 1].end;
    var m = { k: "matrix", rows: rows, start: t.start, end: end };
    return env === "vmatrix" ? { k: "fn", name: "det", args: [m], start: t.start, end: end } : m;
  };

  function withEnd(tokens) {
    var e = tokens.length > 0 ? tokens[tokens.length - 1].end : 0;
    return tokens.concat([tok("end", "", e, e)]);
  }
  function parseTokens(tokens, src, settings) {
    var p = new Parser(withEnd(tokens), src, settings);
    var e = p.parseExpr(); p.expectEnd(); return e;
  }
  function parseName(tokens, src) {
    var p = new Parser(withEnd(tokens), src, EMPTY_SETTINGS);
    var n = p.readName();
    var end = tokens.length > 0 ? tokens[tokens.length - 1].end : 0;
    if (n.constant !== null) fail("expected a name", tokens[0].start, end);
    var name = n.name;
    if (isSym(p.peek(), "_")) { p.p++; name = name + "_" + subscriptText(p.readGroup()); }
    p.expectEnd();
    return { name: name, bold: n.bold };
  }
  function splitTopLevel(tokens, isSep) {
    var parts = [[]], depth = 0;
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i];
      if (t.kind === "end") break;
      if (t.kind === "sym" && (t.text === "{" || t.text === "(" || t.text === "[")) depth++;
      if (t.kind === "sym" && (t.text === "}" || t.text === ")" || t.text === "]")) depth--;
      if (isCmd(t, "begin")) depth++;
      if (isCmd(t, "end")) depth--;
      if (depth === 0 && isSep(t)) { parts.push([]); continue; }
      parts[parts.length - 1].push(t);
    }
    return parts;
  }
  function parseChain(src, settings) {
    var p = new Parser(tokenize(src), src, settings);
    var list = [p.parseExpr()];
    while (isSym(p.peek(), "=")) { p.p++; list.push(p.parseExpr()); }
    p.expectEnd();
    return list;
  }

  // ---------------------------------------------------------------- values
  // {rows, cols, data, scalar, lazy}: lazy is "ones" | "onesRow" | "identity" | "zero" (times data[0]) or null.
  function scalar(v) { return { rows: 1, cols: 1, data: [v], scalar: true, lazy: null }; }
  function lazyConst(kind, s) { return { rows: 0, cols: 0, data: [s], scalar: false, lazy: kind }; }
  function matrix(r, c, d) { return r === 1 && c === 1 ? scalar(d[0]) : { rows: r, cols: c, data: d, scalar: false, lazy: null }; }
  function zeros(r, c) { var d = new Array(r * c); for (var i = 0; i < d.length; i++) d[i] = 0; return matrix(r, c, d); }
  function identity(n) { var m = zeros(n, n); var d = m.data.slice(); for (var i = 0; i < n; i++) d[i * n + i] = 1; return matrix(n, n, d); }
  function isColumn(v) { return !v.scalar && !v.lazy && v.cols === 1; }
  function isRow(v) { return !v.scalar && !v.lazy && v.rows === 1; }
  function isVectorLike(v) { return isColumn(v) || isRow(v); }
  function isSquare(v) { return !v.scalar && !v.lazy && v.rows === v.cols; }
  function at(v, r, c) { return v.data[r * v.cols + c]; }
  function shapeText(v) {
    if (v.scalar) return "scalar";
    if (v.lazy) return v.lazy === "onesRow" ? "a row of ones" : v.lazy === "ones" ? "a column of ones" : v.lazy === "identity" ? "an identity matrix" : v.lazy === "onesOuter" ? "a matrix of ones" : "a zero";
    return isColumn(v) ? "vector " + v.rows : v.rows + "×" + v.cols;
  }
  function hasNaN(v) { for (var i = 0; i < v.data.length; i++) if (!isFinite(v.data[i])) return true; return false; }
  function map(v, f) {
    if (v.lazy) fail("cannot size \\mathbf{1}, \\mathbf{I} or \\mathbf{0} here");
    var d = v.data.map(function (x) { return f(x); });
    return v.scalar ? scalar(d[0]) : matrix(v.rows, v.cols, d);
  }

  // ---------------------------------------------------------------- linear algebra
  function matMulPlain(a, b) {
    if (a.cols !== b.rows) fail("cannot multiply " + shapeText(a) + " by " + shapeText(b));
    var d = new Array(a.rows * b.cols);
    for (var i = 0; i < a.rows; i++) for (var j = 0; j < b.cols; j++) {
      var s = 0;
      for (var k = 0; k < a.cols; k++) s += at(a, i, k) * at(b, k, j);
      d[i * b.cols + j] = s;
    }
    return matrix(a.rows, b.cols, d);
  }
  function transpose(a) {
    if (a.scalar) return a;
    if (a.lazy) return a.lazy === "ones" ? lazyConst("onesRow", a.data[0]) : a.lazy === "onesRow" ? lazyConst("ones", a.data[0]) : a;
    var d = new Array(a.data.length);
    for (var i = 0; i < a.rows; i++) for (var j = 0; j < a.cols; j++) d[j * a.rows + i] = at(a, i, j);
    return matrix(a.cols, a.rows, d);
  }
  function swapRows(m, n, a, b) { for (var j = 0; j < n; j++) { var t = m[a * n + j]; m[a * n + j] = m[b * n + j]; m[b * n + j] = t; } }
  function inverse(a) {
    if (a.scalar) return scalar(1 / a.data[0]);
    if (!isSquare(a)) fail("cannot invert " + shapeText(a));
    var n = a.rows, m = a.data.slice(), inv = identity(n).data.slice();
    for (var c = 0; c < n; c++) {
      var p = c;
      for (var r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
      if (m[p * n + c] === 0) { var nan = []; for (var q = 0; q < n * n; q++) nan.push(NaN); return matrix(n, n, nan); }
      if (p !== c) { swapRows(m, n, p, c); swapRows(inv, n, p, c); }
      var piv = m[c * n + c];
      for (var j = 0; j < n; j++) { m[c * n + j] /= piv; inv[c * n + j] /= piv; }
      for (var r2 = 0; r2 < n; r2++) {
        if (r2 === c) continue;
        var f = m[r2 * n + c];
        if (f === 0) continue;
        for (var j2 = 0; j2 < n; j2++) { m[r2 * n + j2] -= f * m[c * n + j2]; inv[r2 * n + j2] -= f * inv[c * n + j2]; }
      }
    }
    return matrix(n, n, inv);
  }
  function determinant(a) {
    if (a.scalar) return a.data[0];
    if (!isSquare(a)) fail("determinant of non-square " + shapeText(a));
    var n = a.rows, m = a.data.slice(), det = 1;
    for (var c = 0; c < n; c++) {
      var p = c;
      for (var r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
      if (m[p * n + c] === 0) return 0;
      if (p !== c) { swapRows(m, n, p, c); det = -det; }
      var piv = m[c * n + c];
      det *= piv;
      for (var r2 = c + 1; r2 < n; r2++) {
        var f = m[r2 * n + c] / piv;
        for (var j = c; j < n; j++) m[r2 * n + j] -= f * m[c * n + j];
      }
    }
    return det;
  }

  // ---------------------------------------------------------------- functions of a square matrix (MatrixFunctions.cs)
  var MATRIX_FUNCTIONS = set(TABLES.matrixFunctions);
  function nanLike(a) { var d = []; for (var i = 0; i < a.data.length; i++) d.push(NaN); return matrix(a.rows, a.cols, d); }
  function norm1Of(a) {
    var best = 0;
    for (var j = 0; j < a.cols; j++) { var s = 0; for (var i = 0; i < a.rows; i++) s += Math.abs(at(a, i, j)); best = Math.max(best, s); }
    return best;
  }
  function halvings(a) { return Math.max(0, Math.ceil(Math.log2(Math.max(norm1Of(a), 1e-300))) + 1); }
  function factorial(k) { var f = 1; for (var i = 2; i <= k; i++) f *= i; return f; }
  function taylor(a, coefficient, terms) {
    var sum = scale(identity(a.rows), coefficient(0)), pw = identity(a.rows);
    for (var k = 1; k <= terms; k++) {
      pw = matMulPlain(pw, a);
      var c = coefficient(k);
      if (c !== 0) sum = add(sum, scale(pw, c), 1);
    }
    return sum;
  }
  function mExp(a) {
    if (hasNaN(a)) return nanLike(a);
    var s = halvings(a);
    var r = taylor(scale(a, Math.pow(2, -s)), function (k) { return 1 / factorial(k); }, 18);
    for (var i = 0; i < s; i++) r = matMulPlain(r, r);
    return r;
  }
  function mSinCos(a) {
    if (hasNaN(a)) return { sin: nanLike(a), cos: nanLike(a) };
    var s = halvings(a), b = scale(a, Math.pow(2, -s));
    function sign(k) { return Math.floor(k / 2) % 2 === 0 ? 1 : -1; }
    var sn = taylor(b, function (k) { return k % 2 === 1 ? sign(k) / factorial(k) : 0; }, 19);
    var cs = taylor(b, function (k) { return k % 2 === 0 ? sign(k) / factorial(k) : 0; }, 18);
    var id = identity(a.rows);
    for (var i = 0; i < s; i++) {
      var sn2 = scale(matMulPlain(sn, cs), 2);
      cs = add(scale(matMulPlain(cs, cs), 2), id, -1);
      sn = sn2;
    }
    return { sin: sn, cos: cs };
  }
  function mSqrt(a) {
    var y = a, z = identity(a.rows);
    for (var i = 0; i < 100; i++) {
      var yi = inverse(y), zi = inverse(z);
      var y2 = scale(add(y, zi, 1), 0.5);
      z = scale(add(z, yi, 1), 0.5);
      if (hasNaN(y2)) return nanLike(a);
      var diff = 0, size = 0;
      for (var k = 0; k < y2.data.length; k++) { diff = Math.max(diff, Math.abs(y2.data[k] - y.data[k])); size = Math.max(size, Math.abs(y2.data[k])); }
      y = y2;
      if (diff <= 1e-14 * (1 + size)) return y;
    }
    return nanLike(a);
  }
  function mLog(a) {
    var id = identity(a.rows), r = a, k = 0;
    for (;;) {
      if (hasNaN(r) || k > 40) return nanLike(a);
      var x = add(r, id, -1);
      if (norm1Of(x) < 0.2) return scale(taylor(x, function (j) { return j === 0 ? 0 : (j % 2 === 1 ? 1 : -1) / j; }, 40), Math.pow(2, k));
      r = mSqrt(r);
      k++;
    }
  }
  function matrixFunction(name, a) {
    switch (name) {
      case "exp": return mExp(a);
      case "sin": return mSinCos(a).sin;
      case "cos": return mSinCos(a).cos;
      case "tan": var sc = mSinCos(a); return matMulPlain(sc.sin, inverse(sc.cos));
      case "sinh": return scale(add(mExp(a), mExp(scale(a, -1)), -1), 0.5);
      case "cosh": return scale(add(mExp(a), mExp(scale(a, -1)), 1), 0.5);
      case "tanh": return matMulPlain(add(mExp(a), mExp(scale(a, -1)), -1), inverse(add(mExp(a), mExp(scale(a, -1)), 1)));
      case "sqrt": return mSqrt(a);
      case "ln": return mLog(a);
      default: fail("no matrix function '" + name + "'");
    }
  }
  function matrixPower(a, p) {
    if (Math.abs(p * 2 - Math.round(p * 2)) < 1e-12 && Math.abs(p) <= 64) {
      var r = mSqrt(a), k = Math.round(p * 2);
      if (k < 0) { r = inverse(r); k = -k; }
      var result = identity(a.rows);
      for (var i = 0; i < k; i++) result = matMulPlain(result, r);
      return result;
    }
    return mExp(scale(mLog(a), p));
  }
  function symmetricEigenvalues(a) {
    var n = a.rows, m = a.data.slice();
    for (var sweep = 0; sweep < 100; sweep++) {
      var off = 0;
      for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) off += m[i * n + j] * m[i * n + j];
      if (off < 1e-30) break;
      for (var p = 0; p < n; p++) for (var q = p + 1; q < n; q++) {
        var apq = m[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        var theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        var t = (theta === 0 ? 1 : Math.sign(theta)) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        var c = 1 / Math.sqrt(t * t + 1), s = t * c, k;
        for (k = 0; k < n; k++) { var mkp = m[k * n + p], mkq = m[k * n + q]; m[k * n + p] = c * mkp - s * mkq; m[k * n + q] = s * mkp + c * mkq; }
        for (k = 0; k < n; k++) { var mpk = m[p * n + k], mqk = m[q * n + k]; m[p * n + k] = c * mpk - s * mqk; m[q * n + k] = s * mpk + c * mqk; }
      }
    }
    var ev = [];
    for (var d = 0; d < n; d++) ev.push(m[d * n + d]);
    return ev.sort(function (x, y) { return x - y; });
  }
  function eigenvalues(x) {
    if (x.scalar) return [x.data[0]];
    if (!isSquare(x)) fail("eigenvalues of non-square " + shapeText(x));
    var sym = scale(add(x, transpose(x), 1), 0.5), scaleV = 0, asym = 0;
    for (var i = 0; i < x.data.length; i++) { scaleV = Math.max(scaleV, Math.abs(x.data[i])); asym = Math.max(asym, Math.abs(x.data[i] - sym.data[i])); }
    if (asym > 1e-2 * (1 + scaleV)) fail("eigenvalues are supported for symmetric matrices only (declare the matrix symmetric)");
    return symmetricEigenvalues(sym);
  }
  function spectralNorm(a) { var ev = symmetricEigenvalues(matMulPlain(transpose(a), a)); return Math.sqrt(Math.max(0, ev[ev.length - 1])); }
  function kronecker(a, b) {
    var ar = a.scalar ? 1 : a.rows, ac = a.scalar ? 1 : a.cols, br = b.scalar ? 1 : b.rows, bc = b.scalar ? 1 : b.cols;
    var rows = ar * br, cols = ac * bc, d = new Array(rows * cols);
    for (var i = 0; i < ar; i++) for (var j = 0; j < ac; j++) for (var k = 0; k < br; k++) for (var l = 0; l < bc; l++)
      d[(i * br + k) * cols + j * bc + l] = a.data[i * ac + j] * b.data[k * bc + l];
    return matrix(rows, cols, d);
  }
  function vecOf(a) {
    if (a.scalar) return a;
    var d = [];
    for (var j = 0; j < a.cols; j++) for (var i = 0; i < a.rows; i++) d.push(at(a, i, j));
    return matrix(d.length, 1, d);
  }
  function adjugate(a) {
    if (a.scalar) return scalar(1);
    if (!isSquare(a)) fail("adjugate of non-square " + shapeText(a));
    var n = a.rows, d = new Array(n * n);
    for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) {
      var minor = [];
      for (var r = 0; r < n; r++) for (var c = 0; c < n; c++) if (r !== j && c !== i) minor.push(at(a, r, c));
      var det = n === 1 ? 1 : determinant(matrix(n - 1, n - 1, minor));
      d[i * n + j] = ((i + j) % 2 === 0 ? 1 : -1) * det;
    }
    return matrix(n, n, d);
  }
  function pseudoInverse(a) {
    if (a.scalar) return scalar(a.data[0] === 0 ? 0 : 1 / a.data[0]);
    var at2 = transpose(a);
    return a.rows >= a.cols ? matMulPlain(inverse(matMulPlain(at2, a)), at2) : matMulPlain(at2, inverse(matMulPlain(a, at2)));
  }

  // ---------------------------------------------------------------- shape-checked operations
  function lazyName(a) { return a.lazy === "identity" ? "\\mathbf{I}" : a.lazy === "zero" ? "\\mathbf{0}" : a.lazy === "onesRow" ? "\\mathbf{1}^T" : a.lazy === "onesOuter" ? "\\mathbf{1}\\mathbf{1}^T" : "\\mathbf{1}"; }
  function materialize(a, rows, cols) {
    if (!a.lazy) return a;
    var s = a.data[0];
    if (a.lazy === "zero") return zeros(rows, cols);
    if (a.lazy === "identity" && rows === cols) return scale(identity(rows), s);
    if (a.lazy === "onesOuter" || (a.lazy === "ones" && cols === 1) || (a.lazy === "onesRow" && rows === 1)) {
      var d = []; for (var i = 0; i < rows * cols; i++) d.push(s); return matrix(rows, cols, d);
    }
    fail("cannot size " + lazyName(a) + " as " + rows + "×" + cols);
  }
  function scale(a, s) { return a.lazy ? lazyConst(a.lazy, a.data[0] * s) : map(a, function (x) { return x * s; }); }
  function add(a, b, sign) {
    if (a.lazy && b.lazy) {
      if (a.lazy === b.lazy) return lazyConst(a.lazy, a.data[0] + sign * b.data[0]);
      if (b.lazy === "zero") return a;
      if (a.lazy === "zero") return scale(b, sign);
      fail("cannot size constants in a sum");
    }
    if (a.lazy) a = b.scalar ? fail("cannot add a matrix constant to a scalar") : materialize(a, b.rows, b.cols);
    if (b.lazy) b = a.scalar ? fail("cannot add a matrix constant to a scalar") : materialize(b, a.rows, a.cols);
    return zip(a, b, function (x, y) { return x + sign * y; }, sign > 0 ? "add" : "subtract", true);
  }
  function zip(a, b, f, what, broadcast) {
    if (a.lazy) a = b.scalar ? fail("cannot size constant") : materialize(a, b.rows, b.cols);
    if (b.lazy) b = a.scalar ? fail("cannot size constant") : materialize(b, a.rows, a.cols);
    if (a.scalar && b.scalar) return scalar(f(a.data[0], b.data[0]));
    if (broadcast && a.scalar) return map(b, function (y) { return f(a.data[0], y); });
    if (broadcast && b.scalar) return map(a, function (x) { return f(x, b.data[0]); });
    if (a.scalar !== b.scalar || a.rows !== b.rows || a.cols !== b.cols) fail("cannot " + what + " " + shapeText(a) + " and " + shapeText(b));
    var d = new Array(a.data.length);
    for (var i = 0; i < d.length; i++) d[i] = f(a.data[i], b.data[i]);
    return matrix(a.rows, a.cols, d);
  }
  function mul(op, a, b, allowOtimes) {
    switch (op) {
      case "/":
        if (b.scalar) return scale(a, 1 / b.data[0]);
        if (isSquare(b) && !a.scalar && !isVectorLike(a))
          fail("dividing a " + shapeText(a) + " matrix by a " + shapeText(b) + " matrix is ambiguous (A B^{-1} or entry by entry): write \\oslash or ^{-1}");
        return zip(a, b, function (x, y) { return x / y; }, "divide", true);
      case "odot": return zip(a, b, function (x, y) { return x * y; }, "multiply element-wise", true);
      case "oslash": return zip(a, b, function (x, y) { return x / y; }, "divide element-wise", true);
      case "otimes":
        if (allowOtimes) return zip(a, b, function (x, y) { return x * y; }, "multiply element-wise", true);
        if (a.lazy || b.lazy) fail("cannot size \\mathbf{1}, \\mathbf{I} or \\mathbf{0} in a Kronecker product");
        if ((a.scalar || isVectorLike(a)) && (b.scalar || isVectorLike(b)))
          fail("\\otimes of vectors is ambiguous (Kronecker or element-wise): declare '\\otimes \\text{ element-wise}' or use matrices");
        return kronecker(a, b);
    }
    if (a.scalar) return scale(b, a.data[0]);
    if (b.scalar) return scale(a, b.data[0]);
    if (op === "cdot" && isColumn(a) && isColumn(b) && a.rows === b.rows) {
      var s = 0;
      for (var i = 0; i < a.rows; i++) s += a.data[i] * b.data[i];
      return scalar(s);
    }
    return matMul(a, b);
  }
  function matMul(a, b) {
    if (a.lazy && b.lazy) {
      if (a.lazy === "zero" || b.lazy === "zero") return lazyConst("zero", 0);
      if (a.lazy === "identity") return scale(b, a.data[0]);
      if (b.lazy === "identity") return scale(a, b.data[0]);
      if (a.lazy === "ones" && b.lazy === "onesRow") return lazyConst("onesOuter", a.data[0] * b.data[0]);
      fail("cannot size constants in a product");
    }
    if (a.lazy) {
      if (a.lazy === "zero") return lazyConst("zero", 0);
      if (a.lazy === "identity") return scale(b, a.data[0]);
      if (a.lazy === "onesRow") return matMulPlain(materialize(a, 1, b.rows), b);
      fail("cannot size \\mathbf{1} on the left of a product");
    }
    if (b.lazy) {
      if (b.lazy === "zero") return lazyConst("zero", 0);
      if (b.lazy === "identity") return scale(a, b.data[0]);
      if (b.lazy === "ones") return matMulPlain(a, materialize(b, a.cols, 1));
      fail("cannot size \\mathbf{1}^T on the right of a product");
    }
    return matMulPlain(a, b);
  }
  function power(a, b, elementwise, ofFunction) {
    if (a.scalar && b.scalar) return scalar(Math.pow(a.data[0], b.data[0]));
    if (a.scalar && isSquare(b) && !elementwise)
      return a.data[0] > 0 ? mExp(scale(b, Math.log(a.data[0]))) : map(b, function () { return NaN; });
    if (a.scalar) return map(b, function (y) { return Math.pow(a.data[0], y); });
    if (!b.scalar) fail("cannot raise " + shapeText(a) + " to " + shapeText(b));
    var p = b.data[0];
    if (ofFunction && !isSquare(a) && !a.lazy) return map(a, function (x) { return Math.pow(x, p); });
    if (isSquare(a) && p === Math.round(p) && Math.abs(p) <= 64) {
      var base = p < 0 ? inverse(a) : a, r = identity(a.rows);
      for (var i = 0; i < Math.abs(p); i++) r = matMulPlain(r, base);
      return r;
    }
    if (isSquare(a) && !elementwise && p !== Math.round(p) && Math.abs(p) <= 64) return matrixPower(a, p);
    fail("cannot raise " + shapeText(a) + " to a power (use \\odot for element-wise products)");
  }
  function blocks(rows) {
    var rowValues = rows.map(function (row) {
      var h = row[0].scalar ? 1 : row[0].rows;
      if (row.some(function (v) { return v.lazy || (v.scalar ? 1 : v.rows) !== h; })) fail("matrix entries have mismatched heights");
      var w = 0; row.forEach(function (v) { w += v.scalar ? 1 : v.cols; });
      var d = new Array(h * w), c0 = 0;
      row.forEach(function (v) {
        var vc = v.scalar ? 1 : v.cols;
        for (var i = 0; i < h; i++) for (var j = 0; j < vc; j++) d[i * w + c0 + j] = v.scalar ? v.data[0] : at(v, i, j);
        c0 += vc;
      });
      return matrix(h, w, d);
    });
    var width = rowValues[0].scalar ? 1 : rowValues[0].cols;
    if (rowValues.some(function (r) { return (r.scalar ? 1 : r.cols) !== width; })) fail("matrix rows have different lengths");
    var all = [];
    rowValues.forEach(function (r) { all = all.concat(r.data); });
    return matrix(all.length / width, width, all);
  }
  function entries(x) { if (x.lazy) fail("cannot size \\mathbf{1}, \\mathbf{I} or \\mathbf{0} here"); return x.data; }
  function sumOf(a) { var s = 0; for (var i = 0; i < a.length; i++) s += a[i]; return s; }
  function builtin(name, a, elementwise) {
    var x = a[0];
    if (!elementwise && isSquare(x) && MATRIX_FUNCTIONS.has(name)) return matrixFunction(name, x);
    switch (name) {
      case "exp": return map(x, Math.exp);
      case "ln": return map(x, Math.log);
      case "sin": return map(x, Math.sin);
      case "cos": return map(x, Math.cos);
      case "tan": return map(x, Math.tan);
      case "tanh": return map(x, Math.tanh);
      case "sinh": return map(x, Math.sinh);
      case "cosh": return map(x, Math.cosh);
      case "sqrt": return map(x, Math.sqrt);
      case "abs": return isSquare(x) ? scalar(determinant(x)) : map(x, Math.abs);
      case "sigma": return map(x, function (v) { return 1 / (1 + Math.exp(-v)); });
      case "max": return zip(a[0], a[1], Math.max, "take the maximum of", true);
      case "min": return zip(a[0], a[1], Math.min, "take the minimum of", true);
      case "norm":
        if (!x.scalar && !x.lazy && !isVectorLike(x))
          fail("‖·‖ of a " + shapeText(x) + " matrix is ambiguous (Frobenius or spectral): write \\|X\\|_F or \\|X\\|_2");
        return scalar(Math.sqrt(sumOf(entries(x).map(function (v) { return v * v; }))));
      case "normF": return scalar(Math.sqrt(sumOf(entries(x).map(function (v) { return v * v; }))));
      case "norm2": return scalar(x.scalar || isVectorLike(x) ? Math.sqrt(sumOf(entries(x).map(function (v) { return v * v; }))) : spectralNorm(x));
      case "norm1": return scalar(x.scalar || isVectorLike(x) ? sumOf(entries(x).map(Math.abs)) : norm1Of(x));
      case "normInf": return scalar(x.scalar || isVectorLike(x) ? Math.max.apply(null, entries(x).map(Math.abs)) : norm1Of(transpose(x)));
      case "prod": return scalar(entries(x).reduce(function (p, v) { return p * v; }, 1));
      case "sign": return map(x, function (v) { return v > 0 ? 1 : v < 0 ? -1 : 0; });
      case "vec": return vecOf(x);
      case "adj": return adjugate(x);
      case "pinv": return pseudoInverse(x);
      case "eig": var all = eigenvalues(x); return all.length === 1 ? scalar(all[0]) : matrix(all.length, 1, all);
      case "lambdamax": var evx = eigenvalues(x); return scalar(evx[evx.length - 1]);
      case "lambdamin": return scalar(eigenvalues(x)[0]);
      case "eigat":
        var evs = eigenvalues(a[1]);
        if (!x.scalar || x.data[0] !== Math.round(x.data[0]) || x.data[0] < 1 || x.data[0] > evs.length)
          fail("the index of an eigenvalue must run from 1 to the size of the matrix");
        return scalar(evs[x.data[0] - 1]);
      case "sum": return scalar(sumOf(entries(x)));
      case "det": return scalar(determinant(x));
      case "tr":
        if (x.scalar) return x;
        if (!isSquare(x)) fail("trace of non-square " + shapeText(x));
        var t = 0; for (var i = 0; i < x.rows; i++) t += at(x, i, i); return scalar(t);
      case "diag":
        if (x.scalar) return x;
        // diag of a ones column (of any size) is the identity of that size; of a zero, a zero.
        if (x.lazy === "ones") return lazyConst("identity", x.data[0]);
        if (x.lazy === "zero") return x;
        if (isVectorLike(x)) {
          var n = x.data.length, d = zeros(n, n).data.slice();
          for (var k = 0; k < n; k++) d[k * n + k] = x.data[k];
          return matrix(n, n, d);
        }
        if (isSquare(x)) { var dg = []; for (var q = 0; q < x.rows; q++) dg.push(at(x, q, q)); return matrix(x.rows, 1, dg); }
        fail("diag of " + shapeText(x));
      default: fail("unsupported function '" + name + "'");
    }
  }

  // ---------------------------------------------------------------- evaluator
  function Evaluator(definitions, sizes, layout, allowOtimes) {
    this.defs = definitions; this.sizes = sizes; this.layout = layout; this.allowOtimes = allowOtimes;
    this.stepScale = 1; this.depth = 0; this.running = {};
  }
  var E = Evaluator.prototype;
  function extend(env) { var o = {}; for (var k in env) if (Object.prototype.hasOwnProperty.call(env, k)) o[k] = env[k]; return o; }
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  E.eval = function (e, env) {
    try {
      return this.core(e, env);
    } catch (ex) {
      if (ex instanceof CalcError && ex.start < 0) throw new CalcError(ex.reason, e.start, e.end);
      throw ex;
    }
  };
  E.core = function (e, env) {
    var self = this;
    switch (e.k) {
      case "num": return scalar(e.v);
      case "sym": return this.lookup(e, env);
      case "index": return this.index(e, env);
      case "neg": return scale(this.eval(e.a, env), -1);
      case "bin":
        if (e.op === "+") return add(this.eval(e.a, env), this.eval(e.b, env), 1);
        if (e.op === "-") return add(this.eval(e.a, env), this.eval(e.b, env), -1);
        return mul(e.op, this.eval(e.a, env), this.eval(e.b, env), this.allowOtimes);
      case "pow": return power(this.eval(e.a, env), this.eval(e.b, env), this.elementwiseFunctions, !!e.ofFunction);
      case "transpose": return e.op === "T" ? transpose(this.eval(e.a, env)) : transpose(inverse(this.eval(e.a, env)));
      case "call": return this.call(e, env);
      case "fn": if (e.name === "entries") return this.entries(e.args[0], e, env);
        if (e.name === "list") return this.list(e.args[0], e.args[1], e, env);
        if (e.name === "cases") return this.cases(e, env);
        if (e.name === "diag" && e.args.length === 1 && this.runsOverOneIndex(e.args[0], env)) return builtin("diag", [this.entries(e.args[0], e, env)], this.elementwiseFunctions);
        return builtin(e.name, e.args.map(function (a) { return self.eval(a, env); }), this.elementwiseFunctions);
      case "matrix": return blocks(e.rows.map(function (r) { return r.map(function (x) { return self.eval(x, env); }); }));
      case "sum": return this.sum(e, env);
      case "const": return this.constant(e, env);
      case "deriv": return this.derivative(e, env);
      default: fail("unsupported expression");
    }
  };
  E.lookup = function (s, env) {
    if (has(env, s.name)) return env[s.name];
    if (has(this.defs, s.name) && this.defs[s.name].params.length === 0) return this.evalDefinition(this.defs[s.name], env);
    if (has(this.sizes, s.name)) return scalar(this.sizes[s.name]);
    if (s.name === "e") return scalar(Math.E);
    fail("undeclared symbol '" + s.name + "'");
  };
  E.evalDefinition = function (def, env) {
    if (++this.depth > 64) { this.depth--; fail("definition of '" + def.name + "' is recursive"); }
    try {
      return this.eval(def.body, env);
    } catch (ex) {
      if (ex instanceof CalcError) throw new CalcError("in the definition of " + def.name + ": " + ex.reason);
      throw ex;
    } finally { this.depth--; }
  };
  E.index = function (ix, env) {
    var self = this;
    var bold = "\\mathbf{" + ix.target.name + "}";
    // A scalar x and a vector \mathbf{x} both declared: x_i with i running (a sum's or an \ldots's index) ranges over the
    // vector's entries; x_1 stays the scalar's (not checkable: u_1 may be an intermediate variable).
    // f_1 with \mathbf{f}(\mathbf{g}) = … defined and f itself nothing: an entry of the function written bare (dependence by name).
    var dv = null;
    var target = (!has(env, ix.target.name) || (env[ix.target.name].scalar && this.isRunning(ix))) && has(env, bold) ? env[bold]
      : !has(env, ix.target.name) && !has(this.defs, ix.target.name) && (dv = this.dependence(bold, env)) !== null ? dv
      : this.lookup(ix.target, env);
    var idx = ix.indices.map(function (i) { return self.eval(i, env); });
    if (idx.some(function (i) { return !i.scalar || i.data[0] !== Math.round(i.data[0]); })) fail("index of '" + ix.target.name + "' is not an integer");
    var a = idx[0].data[0] - 1;
    if (idx.length === 1 && isVectorLike(target) && a >= 0 && a < target.data.length) return scalar(target.data[a]);
    if (idx.length === 2 && !target.scalar && !target.lazy) {
      var b = idx[1].data[0] - 1;
      if (a >= 0 && a < target.rows && b >= 0 && b < target.cols) return scalar(at(target, a, b));
    }
    fail("cannot index '" + ix.target.name + "' (" + shapeText(target) + ") here");
  };
  E.isRunning = function (ix) { return ix.indices.length === 1 && ix.indices[0].k === "sym" && (this.running[ix.indices[0].name] || 0) > 0; };
  E.withRunning = function (index, body) {
    this.running[index] = (this.running[index] || 0) + 1;
    try { return body(); } finally { this.running[index]--; }
  };
  E.sum = function (s, env) {
    var self = this;
    return this.withRunning(s.index, function () { return self.sumOver(s, env); });
  };
  E.sumOver = function (s, env) {
    var from = this.eval(s.from, env);
    var to = s.to !== null ? this.eval(s.to, env) : scalar(indexedLength(s.body, s.index, env, this));
    if (to.scalar && to.data[0] === 0 && s.to === null) fail("cannot tell the range of the sum over '" + s.index + "'");
    if (!from.scalar || !to.scalar) fail("sum limits must be scalars");
    if (to.data[0] - from.data[0] > MAX_TERMS) fail("a sum may have at most 10000 terms");
    var total = null;
    for (var i = Math.trunc(from.data[0]); i <= Math.trunc(to.data[0]); i++) {
      var inner = extend(env); inner[s.index] = scalar(i);
      var term = this.eval(s.body, inner);
      total = total === null ? term : s.product ? mul("juxt", total, term, this.allowOtimes) : add(total, term, 1);
    }
    return total === null ? scalar(s.product ? 1 : 0) : total;
  };
  E.entries = function (body, at, env) {
    var free = [];
    freeIndices(body, env, free);
    if (free.length !== 1)
      fail(free.length === 0 ? "'\\ldots … \\ldots' needs an entry with an index, such as x_i" : "cannot tell which index '\\ldots' runs over (" + free.join(", ") + ")", at.start, at.end);
    var n = indexedLength(body, free[0], env, this);
    if (n === 0) fail("cannot tell how many entries '\\ldots' stands for (the index '" + free[0] + "' indexes no declared vector)", at.start, at.end);
    var lengths = [];
    indexedLengths(body, free[0], env, lengths);
    if (lengths.length > 1) fail("'\\ldots' runs '" + free[0] + "' over vectors of different lengths (" + lengths.sort(function (a, b) { return a - b; }).join(", ") + ")", at.start, at.end);
    var data = [];
    for (var i = 1; i <= n; i++) {
      var inner = extend(env); inner[free[0]] = scalar(i);
      var self = this;
      var v = this.withRunning(free[0], function () { return self.eval(body, inner); });
      if (!v.scalar) fail("an entry between '\\ldots' must be a scalar", at.start, at.end);
      data.push(v.data[0]);
    }
    return matrix(n, 1, data);
  };
  /** A written list e_1, e_2, \ldots, e_n: the pattern at k = 1…n, n the declared size named by the last entry (twin of Evaluator.List). */
  E.list = function (body, count, at, env) {
    var n = count.k === "sym" && !has(env, count.name) && has(this.sizes, count.name) ? this.sizes[count.name] : 0;
    if (!(n >= 1 && n <= 10000)) fail("the length of a list with '\\ldots' ('" + (count.k === "sym" ? count.name : "") + "') is not a declared size such as n = 3", at.start, at.end);
    var lengths = [];
    indexedLengths(body, LIST_INDEX, env, lengths);
    if (lengths.some(function (l) { return l !== n; }))
      fail("a list with '\\ldots' of " + n + " entries runs over vectors of length " + lengths.sort(function (a, b) { return a - b; }).join(", "), at.start, at.end);
    var data = [], self = this;
    for (var i = 1; i <= n; i++) {
      var inner = extend(env); inner[LIST_INDEX] = scalar(i);
      var v = this.withRunning(LIST_INDEX, function () { return self.eval(body, inner); });
      if (!v.scalar) fail("an entry of a list with '\\ldots' must be a scalar", at.start, at.end);
      data.push(v.data[0]);
    }
    return matrix(n, 1, data);
  };
  /** The piece whose condition holds; NaN (the point is skipped) within 1 % of a switch or where none holds; a piece whose values disagree is not checkable. */
  E.cases = function (f, env) {
    for (var i = 0; i < f.args.length; i++) {
      var piece = f.args[i];
      var l = this.eval(piece.args[0], env), r = this.eval(piece.args[1], env);
      if (!l.scalar || !r.scalar) fail("a case's condition must compare two scalars", piece.start, piece.end);
      var margin = l.data[0] - r.data[0];
      if (!(Math.abs(margin) >= 1e-2 * (1 + Math.abs(l.data[0]) + Math.abs(r.data[0])))) return scalar(NaN);
      if (piece.name === "casele" || piece.name === "caselt" ? margin > 0 : margin < 0) continue;
      var value = null;
      for (var k = 2; k < piece.args.length; k++) {
        var v = this.eval(piece.args[k], env);
        if (value === null || value.lazy) { value = v.lazy && value !== null ? value : v; continue; }
        if (v.lazy) continue;
        var same = v.rows === value.rows && v.cols === value.cols;
        for (var q = 0; same && q < v.data.length; q++)
          if (!(Math.abs(v.data[q] - value.data[q]) <= 1e-6 * (1 + Math.abs(v.data[q]) + Math.abs(value.data[q])))) same = false;
        if (!same) fail("the values written in one case differ from each other", piece.args[k].start, piece.args[k].end);
      }
      return value;
    }
    return scalar(NaN);
  };
  function indexedLengths(e, index, env, lengths) {
    if (e.k === "index" && e.indices.length === 1 && e.indices[0].k === "sym" && e.indices[0].name === index) {
      var bold = "\\mathbf{" + e.target.name + "}";
      var v = has(env, e.target.name) && !env[e.target.name].scalar ? env[e.target.name] : has(env, bold) ? env[bold] : null;
      if (v !== null && isVectorLike(v) && lengths.indexOf(v.data.length) < 0) lengths.push(v.data.length);
    }
    children(e).forEach(function (c) { indexedLengths(c, index, env, lengths); });
  }
  function freeIndices(e, env, free) {
    if (e.k === "index")
      e.indices.forEach(function (i) { if (i.k === "sym" && !has(env, i.name) && free.indexOf(i.name) < 0) free.push(i.name); });
    children(e).forEach(function (c) { freeIndices(c, env, free); });
  }
  /**
   * \sum_i f_i(\mathbf{x}) with the family f_k(\mathbf{a}) = … a_k … defined: i runs over the entries its definition reads by its
   * own index (those of the argument). 0 when the call is no member f_i or the definition says nothing. Twin of Evaluator.FamilyLength.
   */
  function familyLength(call, index, env, ev) {
    var suffix = "_" + index;
    if (call.name.length <= suffix.length || call.name.slice(call.name.length - suffix.length) !== suffix) return 0;
    var family = familyOf(Object.keys(ev.defs), call.name.slice(0, call.name.length - suffix.length));
    if (family === null) return 0;
    var def = ev.defs[family];
    if (def.params.length !== call.args.length || call.args.length === 0) return 0;
    var inner = extend(env);
    try {
      for (var k = 0; k < call.args.length; k++) inner[def.params[k]] = ev.eval(call.args[k], env);
    } catch (ex) {
      if (ex instanceof CalcError) return 0;
      throw ex;
    }
    var letter = family.charAt(family.length - 1);
    delete inner[letter];
    return indexedLength(def.body, letter, inner, ev);
  }
  /** f_i with \mathbf{f}(\mathbf{g}) = … defined: the function written bare, for its length; null when it cannot be evaluated (twin of Evaluator.BareEntries). */
  function bareEntries(bold, env, ev) {
    try { return ev.dependence(bold, env); } catch (ex) { if (ex instanceof CalcError) return null; throw ex; }
  }
  function indexedLength(body, index, env, ev) {
    if (body.k === "index" && body.indices.length === 1 && body.indices[0].k === "sym" && body.indices[0].name === index) {
      var bold = "\\mathbf{" + body.target.name + "}";
      var v = has(env, body.target.name) && !env[body.target.name].scalar ? env[body.target.name] : has(env, bold) ? env[bold]
        : !has(env, body.target.name) && !has(ev.defs, body.target.name) ? bareEntries(bold, env, ev) : null;
      if (v !== null && isVectorLike(v)) return v.data.length;
    }
    if (body.k === "fn" && body.name === "eigat" && body.args[0].k === "sym" && body.args[0].name === index) {
      var sq = ev.eval(body.args[1], env);
      if (isSquare(sq)) return sq.rows;
    }
    if (body.k === "call" && body.primes === 0) { var members = familyLength(body, index, env, ev); if (members > 0) return members; }
    var cs = children(body);
    for (var i = 0; i < cs.length; i++) { var n = indexedLength(cs[i], index, env, ev); if (n > 0) return n; }
    return 0;
  }
  E.constant = function (c, env) {
    if (c.size === null) return lazyConst(c.which, 1);
    var size = this.eval(c.size, env);
    if (!size.scalar || size.data[0] < 1) fail("bad size");
    var n = Math.trunc(size.data[0]);
    if (c.which === "identity") return identity(n);
    if (c.which === "ones") { var d = []; for (var i = 0; i < n; i++) d.push(1); return matrix(n, 1, d); }
    return zeros(n, 1);
  };
  E.call = function (c, env) {
    var self = this;
    // A function written bare while it is the variable of a derivative (df/dg with g(x) = …): the variable's value.
    if (c.args.length === 0 && c.primes === 0 && has(env, c.name)) return env[c.name];
    var def = has(this.defs, c.name) ? this.defs[c.name] : null;
    var applyEnv = env;
    if (def === null) {
      var m = this.familyMember(c.name, env);
      if (m !== null) { def = m.def; applyEnv = m.env; }
    }
    if (def === null && c.args.length > 0 && c.primes === 0) {
      var entry = this.entryCall(c, env);
      if (entry !== null) return entry;
    }
    if (def === null || def.params.length === 0) {
      if (c.name === "\\sigma" && c.args.length === 1 && c.primes <= 1) {
        var s = builtin("sigma", [this.eval(c.args[0], env)]);
        return c.primes === 0 ? s : map(s, function (v) { return v * (1 - v); });
      }
      fail("undefined function '" + c.name + "'");
    }
    var args = [];
    if (c.args.length === 0) {
      def.params.forEach(function (p) {
        var dep = has(env, p) ? null : self.dependence(p, env);
        args.push(has(env, p) ? env[p] : dep !== null ? dep : fail("'" + c.name + "' needs its arguments"));
      });
    } else args = c.args.map(function (a) { return self.eval(a, env); });
    if (args.length !== def.params.length) fail("'" + c.name + "' takes " + def.params.length + " argument(s), got " + args.length);
    if (c.primes === 0) return this.apply(def, args, applyEnv);
    if (c.primes > 1 || args.length !== 1) fail("only f'(x) of a one-argument function is supported");
    return map(args[0], function (a) {
      var h = 1e-3 * self.stepScale * Math.max(1, Math.abs(a));
      function F(t) { var r = self.apply(def, [scalar(t)], applyEnv); return r.scalar ? r.data[0] : fail("f' needs a scalar function"); }
      return (-F(a + 2 * h) + 8 * F(a + h) - 8 * F(a - h) + F(a - 2 * h)) / (12 * h);
    });
  };
  /**
   * f_1, f_n or f_{#k} with one family f_i defined (f_i(a) = …, its body may use i): f_i with i bound to the member's
   * index, a number, a running index or a declared size (Parser: familyOf). Twin of Evaluator.FamilyMember.
   */
  E.familyMember = function (name, env) {
    var at = name.lastIndexOf("_");
    if (at <= 0) return null;
    var base = name.slice(0, at), sub = name.slice(at + 1);
    var family = familyOf(Object.keys(this.defs), base);
    if (family === null || this.defs[family].params.length === 0) return null;
    var value = /^[0-9]+$/.test(sub) ? Number(sub)
      : has(env, sub) && env[sub].scalar ? env[sub].data[0]
      : !has(env, sub) && has(this.sizes, sub) ? this.sizes[sub] : NaN;
    if (!(value >= 1 && value === Math.round(value))) fail("cannot tell which member of the family " + family + " '" + name + "' is");
    var inner = extend(env); inner[family.charAt(family.length - 1)] = scalar(value);
    return { def: this.defs[family], env: inner };
  };
  E.apply = function (def, args, env) {
    var mapped = [];
    for (var i = 0; i < args.length; i++) if (def.scalarParams[i] && !args[i].scalar) mapped.push(i);
    if (mapped.length === 0) {
      var inner = extend(env);
      for (var j = 0; j < args.length; j++) inner[def.params[j]] = args[j];
      return this.evalDefinition(def, inner);
    }
    var shape = args[mapped[0]];
    if (shape.lazy || mapped.some(function (m) { return args[m].lazy || args[m].rows !== shape.rows || args[m].cols !== shape.cols; }))
      fail("element-wise '" + def.name + "' needs arguments of one shape");
    var d = new Array(shape.data.length);
    for (var k = 0; k < d.length; k++) {
      var env2 = extend(env);
      for (var q = 0; q < args.length; q++) env2[def.params[q]] = mapped.indexOf(q) >= 0 ? scalar(args[q].data[k]) : args[q];
      var r = this.evalDefinition(def, env2);
      if (!r.scalar) fail("element-wise '" + def.name + "' must be scalar-valued");
      d[k] = r.data[0];
    }
    return matrix(shape.rows, shape.cols, d);
  };
  function describe(v) { return v.k === "sym" ? v.name : v.k === "index" ? v.target.name + "_…" : "expression"; }
  E.derivative = function (d, env) {
    var self = this;
    if (d.second) return this.secondDerivative(d, env);
    var vars = d.vars.slice();
    if (vars.length === 0) {
      var call = d.a;
      if (call.args.length === 0 && has(this.defs, call.name))
        this.defs[call.name].params.forEach(function (p) { vars.push({ k: "sym", name: p, bold: false, start: call.start, end: call.end }); });
      else vars = vars.concat(call.args);
    }
    env = this.withIntermediates(vars, env);
    if (vars.length === 1 && vars[0].k === "fn" && vars[0].name === "vec" && vars[0].args[0].k === "sym" && has(env, vars[0].args[0].name))
      return this.differentiate(d.a, vars[0].args[0].name, env, true);
    var at = vars.length === 1 && vars[0].k === "index" ? this.entryOf(vars[0], env) : null;
    if (at !== null) return this.differentiate(d.a, at.name, env, false, at.index);
    var names = vars.map(function (v) {
      return v.k === "sym" && has(env, v.name) ? v.name
        : v.k === "call" && v.args.length === 0 && v.primes === 0 && has(env, v.name) ? v.name
        : fail("cannot differentiate with respect to '" + describe(v) + "' (not a declared variable)", v.start, v.end);
    });
    if (names.length === 1) env = this.heldParameters(d, names[0], env);
    if (names.length === 1) return this.differentiate(d.a, names[0], env);
    var parts = names.map(function (n) { return self.differentiate(d.a, n, env); });
    if (parts.some(function (p) { return !p.scalar; }) || names.some(function (n) { return !env[n].scalar; }))
      fail("a gradient over several arguments needs a scalar function of scalars");
    var data = parts.map(function (p) { return p.data[0]; });
    return this.layout === "numerator" ? matrix(1, data.length, data) : matrix(data.length, 1, data);
  };
  /** d f / d w_2 or d f / d w_i (i bound) with \mathbf{w} a declared vector: that entry is the variable (null if not). */
  E.entryOf = function (ix, env) {
    if (ix.indices.length !== 1) return null;
    var bold = "\\mathbf{" + ix.target.name + "}";
    var hasPlain = has(env, ix.target.name);
    var name = hasPlain && isVectorLike(env[ix.target.name]) ? ix.target.name
      : (!hasPlain || this.isRunning(ix)) && has(env, bold) && isVectorLike(env[bold]) ? bold : null;
    if (name === null) return null;
    var k = this.eval(ix.indices[0], env);
    if (!k.scalar || k.data[0] !== Math.round(k.data[0]) || k.data[0] < 1 || k.data[0] > env[name].data.length) return null;
    return { name: name, index: k.data[0] - 1 };
  };
  E.differentiate = function (operand, name, env, byVec, entry) {
    var self = this;
    if (entry === undefined) entry = -1;
    var v = env[name];
    var f0 = this.eval(operand, env);
    if (f0.lazy) fail("cannot differentiate an unsized constant");
    var n = entry >= 0 ? 1 : v.data.length, cols = [];
    for (var jj = 0; jj < n; jj++) {
      var j = entry >= 0 ? entry : byVec && !v.scalar ? (jj % v.rows) * v.cols + Math.floor(jj / v.rows) : jj;
      var h = 1e-3 * this.stepScale * Math.max(1, Math.abs(v.data[j]));
      var F = function (delta) {
        var d = v.data.slice();
        d[j] += delta;
        var moved = v.scalar ? scalar(d[0]) : matrix(v.rows, v.cols, d);
        var inner = extend(env); inner[name] = moved;
        var r = self.eval(operand, inner);
        if (r.lazy) r = materialize(r, f0.rows, f0.cols);
        if (r.data.length !== f0.data.length) fail("shape changes under perturbation");
        return r.data;
      };
      var p2 = F(2 * h), p1 = F(h), m1 = F(-h), m2 = F(-2 * h);
      var g = new Array(f0.data.length);
      for (var i = 0; i < g.length; i++) g[i] = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h);
      cols.push(g);
    }
    if (byVec) {
      if (!(f0.scalar || isVectorLike(f0))) fail("differentiate vec(…) of a matrix, not the matrix, by vec(X)");
      return this.assemble(f0, zeros(n, 1), cols);
    }
    return this.assemble(f0, entry >= 0 ? scalar(0) : v, cols);
  };
  /** dy/du with u defined: u becomes a variable at its current value (the chain rule's intermediate variable). */
  /**
   * Dependence by name: f(g) = …, g(x) = … written bare (\frac{df}{dg}\frac{dg}{dx}): a parameter that is not a variable of the
   * point is the definition of that name, an alias (u = x^2) or a function applied to its own parameters; null when neither.
   * Twin of Evaluator.Dependence.
   */
  /**
   * f_1(\mathbf{g}) with \mathbf{f}(\mathbf{g}) = … defined (and no f_i family): entry 1 of \mathbf{f} at the arguments; null
   * when there is no such definition. Twin of Evaluator.EntryCall.
   */
  E.entryCall = function (c, env) {
    var at = c.name.lastIndexOf("_");
    if (at <= 0) return null;
    var bold = "\\mathbf{" + c.name.slice(0, at) + "}", sub = c.name.slice(at + 1);
    if (!has(this.defs, bold) || this.defs[bold].params.length !== c.args.length) return null;
    var k = /^[0-9]+$/.test(sub) ? parseInt(sub, 10) : has(env, sub) && env[sub].scalar ? env[sub].data[0] : NaN;
    var self = this;
    var v = this.apply(this.defs[bold], c.args.map(function (a) { return self.eval(a, env); }), env);
    if (!(k >= 1 && k === Math.round(k) && isVectorLike(v) && k <= v.data.length)) fail("cannot tell which entry of " + bold + " '" + c.name + "' is");
    return scalar(v.data[k - 1]);
  };
  E.dependence = function (name, env) {
    if (!has(this.defs, name)) return null;
    var def = this.defs[name];
    if (def.params.length === 0) return this.evalDefinition(def, env);
    if (++this.depth > 64) { this.depth--; fail("definition of '" + name + "' is recursive"); }
    try { return this.eval({ k: "call", name: name, args: [], primes: 0, start: -1, end: -1 }, env); } finally { this.depth--; }
  };
  /**
   * \frac{\partial u_2}{\partial x} with u_2(x, u_1) = … written bare: the partial by that parameter, the others held at their
   * values (u_1 at u_1(x)); with d above, or called with arguments, the total derivative. Twin of Evaluator.HeldParameters.
   */
  E.heldParameters = function (d, name, env) {
    var c = d.a;
    if (!d.partial || c.k !== "call" || c.args.length !== 0 || c.primes !== 0 || !has(this.defs, c.name)) return env;
    var params = this.defs[c.name].params;
    if (params.length < 2 || params.indexOf(name) < 0) return env;
    var extended = null;
    for (var i = 0; i < params.length; i++) {
      var p = params[i];
      if (p === name || has(env, p)) continue;
      var value = this.dependence(p, env);
      if (value === null) continue;
      if (extended === null) extended = extend(env);
      extended[p] = value;
    }
    return extended === null ? env : extended;
  };
  /** diag(\frac{\partial f_i}{\partial g_i}): one free index (not a declared size) makes it diag(\ldots … \ldots). Twin of Evaluator.RunsOverOneIndex. */
  E.runsOverOneIndex = function (a, env) {
    if (a.k === "fn" && (a.name === "entries" || a.name === "list")) return false;
    var free = [];
    freeIndices(a, env, free);
    return free.length === 1 && !has(this.sizes, free[0]);
  };
  E.withIntermediates = function (vars, env) {
    var extended = null;
    for (var i = 0; i < vars.length; i++) {
      var v = vars[i];
      var name = v.k === "sym" ? v.name : v.k === "call" && v.args.length === 0 && v.primes === 0 ? v.name
        : v.k === "index" && !has(env, v.target.name) && !has(this.defs, v.target.name) ? "\\mathbf{" + v.target.name + "}" : null;
      if (name === null || has(env, name)) continue;
      var value = this.dependence(name, env);
      if (value === null) continue;
      if (extended === null) extended = extend(env);
      extended[name] = value;
    }
    return extended === null ? env : extended;
  };
  E.secondDerivative = function (d, env) {
    var self = this;
    var names = d.vars.map(function (v) {
      return v.k === "sym" && has(env, v.name) ? v.name
        : v.k === "call" && v.args.length === 0 && v.primes === 0 && has(env, v.name) ? v.name
        : fail("cannot differentiate with respect to '" + describe(v) + "' (not a declared variable)", v.start, v.end);
    });
    var x = names[0], y = names[1], vx = env[x], vy = env[y];
    if (!(vx.scalar || isColumn(vx)) || !(vy.scalar || isColumn(vy))) fail("a second derivative by a matrix is a tensor (not supported)");
    var f0 = this.eval(d.a, env);
    if (!f0.scalar) fail("the second derivative of a " + shapeText(f0) + " is a tensor (not supported)");
    var nx = vx.data.length, ny = vy.data.length, h2 = new Array(nx * ny);
    for (var i = 0; i < nx; i++) {
      var h = 5e-3 * this.stepScale * Math.max(1, Math.abs(vx.data[i]));
      var G = function (delta) {
        var moved = vx.data.slice();
        moved[i] += delta;
        var inner = extend(env); inner[x] = vx.scalar ? scalar(moved[0]) : matrix(vx.rows, 1, moved);
        var g = self.differentiate(d.a, y, inner);
        if (g.data.length !== ny) fail("shape changes under perturbation");
        return g.data;
      };
      var p2 = G(2 * h), p1 = G(h), m1 = G(-h), m2 = G(-2 * h);
      for (var j = 0; j < ny; j++) h2[i * ny + j] = (-p2[j] + 8 * p1[j] - 8 * m1[j] + m2[j]) / (12 * h);
    }
    return matrix(nx, ny, h2);
  };
  E.assemble = function (f, v, cols) {
    var n = cols.length, m = f.data.length, numerator = this.layout === "numerator", d;
    if (f.scalar) {
      d = cols.map(function (c) { return c[0]; });
      if (v.scalar) return scalar(d[0]);
      if (isColumn(v)) return numerator ? matrix(1, n, d) : matrix(n, 1, d);
      return matrix(v.rows, v.cols, d);
    }
    if (v.scalar) {
      d = cols[0];
      if (isVectorLike(f)) return numerator ? matrix(m, 1, d) : matrix(1, m, d);
      return matrix(f.rows, f.cols, d);
    }
    if (isVectorLike(f) && isColumn(v)) {
      d = new Array(m * n);
      for (var i = 0; i < m; i++) for (var j = 0; j < n; j++) {
        if (numerator) d[i * n + j] = cols[j][i]; else d[j * m + i] = cols[j][i];
      }
      return numerator ? matrix(m, n, d) : matrix(n, m, d);
    }
    fail("the derivative of a " + shapeText(f) + " by a " + shapeText(v) + " is a tensor (not supported)");
  };

  // ---------------------------------------------------------------- declare: and define:
  var DEFAULT_SIZES = [3, 2, 4, 5, 6, 7, 8], MAX_SIZE = 32, MAX_TERMS = 10000;
  function isComparison(t) {
    return isSym(t, "<") || isSym(t, ">") || (t.kind === "cmd" && ["lt", "gt", "leq", "geq", "le", "ge", "neq", "ne"].indexOf(t.text) >= 0);
  }
  function words(tokens) { return tokens.filter(function (x) { return x.kind === "letter"; }).map(function (x) { return x.text; }).join("").toLowerCase(); }
  function qualifiers(t) {
    var w = words(t), q = [];
    if (w.indexOf("symmetric") >= 0) q.push("symmetric");
    if (w.indexOf("invertible") >= 0 || w.indexOf("nonsingular") >= 0) q.push("invertible");
    if (w.indexOf("positivedefinite") >= 0 || t.some(function (x) { return isCmd(x, "succ"); })) q.push("positive definite");
    if (w.indexOf("diagonal") >= 0) q.push("diagonal");
    if (t.length > 0 && q.length === 0) fail("unsupported qualifier '" + w + "'", t[0].start, t[t.length - 1].end);
    return q;
  }
  function readGroupAt(t, state) {
    if (state.i >= t.length) return [];
    if (!isSym(t[state.i], "{")) return [t[state.i++]];
    var depth = 0, list = [];
    for (; state.i < t.length; state.i++) {
      if (isSym(t[state.i], "{") && depth++ === 0) continue;
      if (isSym(t[state.i], "}") && --depth === 0) { state.i++; break; }
      list.push(t[state.i]);
    }
    return list;
  }
  function parseSet(t) {
    var st = { i: 0 };
    if (st.i >= t.length || !(isCmd(t[st.i], "mathbb") || isCmd(t[st.i], "mathbf")))
      fail("expected \\mathbb{R} after \\in", t.length > 0 ? t[0].start : 0, t.length > 0 ? t[t.length - 1].end : 0);
    st.i++;
    if (st.i < t.length && isSym(t[st.i], "{")) st.i++;
    var field = st.i < t.length ? t[st.i].text : "";
    st.i++;
    if (st.i < t.length && isSym(t[st.i], "}")) st.i++;
    if (field === "N" || field === "Z") return { dims: [], quals: [], positive: false, skip: true };
    if (field !== "R") fail("unsupported set \\mathbb{" + field + "}", t[0].start, t[t.length - 1].end);
    var dims = [], positive = false;
    while (st.i < t.length && (isSym(t[st.i], "^") || isSym(t[st.i], "_"))) {
      var sup = isSym(t[st.i], "^");
      st.i++;
      var group = readGroupAt(t, st);
      if (group.some(function (g) { return isSym(g, "+") || isSym(g, ">") || isCmd(g, "geq"); })) { positive = true; continue; }
      if (!sup) fail("unsupported subscript on \\mathbb{R}", t[0].start, t[t.length - 1].end);
      dims = splitTopLevel(group, function (g) { return isCmd(g, "times") || isLet(g, "x"); })
        .map(function (d) { return d.map(function (x) { return x.text; }).join(""); });
      if (dims.length > 2 || dims.some(function (d) { return d.length === 0; })) fail("unsupported dimensions", t[0].start, t[t.length - 1].end);
      if (dims.length === 2 && dims[1] === "1") dims = [dims[0]];
    }
    return { dims: dims, quals: qualifiers(t.slice(st.i)), positive: positive, skip: false };
  }
  function parseDeclarations(src) {
    var tokens = tokenize(src);
    var items = splitTopLevel(tokens, function (t) { return isSym(t, ",") || isSym(t, ";"); });
    var declared = [], names = [], sizes = {}, constraintItems = [], positive = [], otimes = false, functionsElementwise = false;
    items.forEach(function (item) {
      if (item.length === 0) return;
      var inAt = -1;
      for (var i = 0; i < item.length; i++) if (isCmd(item[i], "in")) { inAt = i; break; }
      if (inAt >= 0) {
        var nm = parseName(item.slice(0, inAt), src);
        names.push({ name: nm.name, start: item[0].start, end: item[inAt - 1].end });
        var set = parseSet(item.slice(inAt + 1));
        if (set.skip) { names = []; return; }
        names.forEach(function (n) {
          declared.push({ name: n.name, scalar: set.dims.length === 0, dims: set.dims, quals: set.quals.slice() });
          if (set.positive) positive.push(n.name);
        });
        names = [];
      } else if (item.some(isComparison)) constraintItems.push(item);
      else if (item.length === 3 && item[0].kind === "letter" && isSym(item[1], "=") && item[2].kind === "number") {
        var sz = /^[0-9]{1,3}$/.test(item[2].text) ? parseInt(item[2].text, 10) : -1;
        if (sz < 1 || sz > MAX_SIZE) fail("a size must be a whole number from 1 to " + MAX_SIZE, item[0].start, item[2].end);
        sizes[item[0].text] = sz;
      }
      else if (words(item).indexOf("elementwise") >= 0 && !item.some(function (t) { return isCmd(t, "otimes"); }) &&
               (words(item).indexOf("functions") >= 0 || item.some(function (t) { return t.kind === "cmd" && MATRIX_FUNCTIONS.has(t.text); })))
        functionsElementwise = true;
      else if (item.some(function (t) { return isCmd(t, "otimes"); })) {
        var w = words(item);
        if (w.indexOf("elementwise") >= 0 || w.indexOf("hadamard") >= 0) otimes = true;
        else fail("\\otimes can only be declared element-wise", item[0].start, item[item.length - 1].end);
      } else {
        var textAt = -1;
        for (var k = 0; k < item.length; k++) if (isCmd(item[k], "text") || isCmd(item[k], "succ")) { textAt = k; break; }
        if (textAt > 0) {
          var qn = parseName(item.slice(0, textAt), src).name, target = null;
          for (var q = declared.length - 1; q >= 0; q--) if (declared[q].name === qn) { target = declared[q]; break; }
          if (target === null) fail("qualifier for undeclared '" + qn + "'", item[0].start, item[item.length - 1].end);
          target.quals = target.quals.concat(qualifiers(item.slice(textAt)));
          return;
        }
        var bare = parseName(item, src);
        names.push({ name: bare.name, start: item[0].start, end: item[item.length - 1].end });
      }
    });
    if (names.length > 0) fail("'" + names[0].name + "' has no '\\in'", names[0].start, names[0].end);
    var nextDefault = 0;
    function resolve(dim) {
      if (/^[0-9]{1,3}$/.test(dim)) {
        var k = parseInt(dim, 10);
        if (k < 1 || k > MAX_SIZE) fail("a size must be a whole number from 1 to " + MAX_SIZE);
        return k;
      }
      if (has(sizes, dim)) return sizes[dim];
      sizes[dim] = DEFAULT_SIZES[Math.min(nextDefault++, DEFAULT_SIZES.length - 1)];
      return sizes[dim];
    }
    var symbols = declared.map(function (d) {
      if (d.dims.length === 0) return { name: d.name, scalar: true, rows: 1, cols: 1, quals: d.quals };
      if (d.dims.length === 1) return { name: d.name, scalar: false, rows: resolve(d.dims[0]), cols: 1, quals: d.quals };
      var r = resolve(d.dims[0]);
      return { name: d.name, scalar: false, rows: r, cols: resolve(d.dims[1]), quals: d.quals };
    });
    var variables = new Set();
    symbols.forEach(function (s) { variables.add(s.name); });
    Object.keys(sizes).forEach(function (k) { variables.add(k); });
    var settings = { functions: new Set(), variables: variables };
    var constraints = constraintItems.map(function (item) {
      var terms = [], ops = [], current = [];
      item.forEach(function (t) {
        if (!isComparison(t)) { current.push(t); return; }
        terms.push(parseTokens(current, src, settings));
        current = [];
        ops.push(["<", "lt", "leq", "le"].indexOf(t.text) >= 0 ? "<" : [">", "gt", "geq", "ge"].indexOf(t.text) >= 0 ? ">" : "ne");
      });
      terms.push(parseTokens(current, src, settings));
      return { terms: terms, ops: ops };
    });
    positive.forEach(function (p) {
      constraints.push({ terms: [{ k: "sym", name: p, bold: false, start: 0, end: 0 }, { k: "num", v: 0, start: 0, end: 0 }], ops: [">"] });
    });
    return { symbols: symbols, sizes: sizes, constraints: constraints, otimes: otimes, functionsElementwise: functionsElementwise };
  }
  function findDecl(decls, name) {
    for (var i = decls.symbols.length - 1; i >= 0; i--) if (decls.symbols[i].name === name) return decls.symbols[i];
    return null;
  }
  function parseDefinitions(src, decls, functions) {
    var variables = decls.symbols.map(function (s) { return s.name; }).concat(Object.keys(decls.sizes));
    var result = [];
    splitTopLevel(tokenize(src), function (t) { return isSym(t, ";"); }).forEach(function (part) {
      if (part.length === 0) return;
      var sides = splitTopLevel(part, function (t) { return isSym(t, "="); });
      if (sides.length !== 2 || sides[0].length === 0 || sides[1].length === 0)
        fail("a definition looks like 'f(x) = …'", part[0].start, part[part.length - 1].end);
      var lhs = sides[0], open = -1;
      for (var i = 0; i < lhs.length; i++) if (isSym(lhs[i], "(")) { open = i; break; }
      var name = parseName(open < 0 ? lhs : lhs.slice(0, open), src).name;
      var params = [], scalars = [];
      if (open >= 0) {
        if (!isSym(lhs[lhs.length - 1], ")")) fail("expected ')' after the parameters", lhs[0].start, lhs[lhs.length - 1].end);
        splitTopLevel(lhs.slice(open + 1, lhs.length - 1), function (t) { return isSym(t, ","); }).forEach(function (p) {
          var pn = parseName(p, src);
          params.push(pn.name);
          var decl = findDecl(decls, pn.name);
          scalars.push(!pn.bold && (decl === null || decl.scalar));
        });
        functions.add(name);
      }
      var paramSet = new Set(variables.concat(params).concat(result.filter(function (d) { return d.params.length === 0; }).map(function (d) { return d.name; })));
      var body = parseTokens(sides[1], src, { functions: functions, variables: paramSet });
      result.push({ name: name, params: params, scalarParams: scalars, body: body });
    });
    return result;
  }

  // ---------------------------------------------------------------- sampling
  function mulberry32(seed) {
    var a = seed >>> 0;
    return {
      next: function () {
        a = (a + 0x6D2B79F5) >>> 0;
        var t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      },
      uniform: function (lo, hi) { return lo + (hi - lo) * this.next(); }
    };
  }
  var MAX_TRIES = 200;
  function draw(s, rng) {
    if (s.scalar) return scalar(rng.uniform(-2, 2));
    var r = s.rows, c = s.cols, d = new Array(r * c), vector = c === 1;
    for (var i = 0; i < d.length; i++) d[i] = vector ? rng.uniform(-2, 2) : rng.uniform(-1, 1);
    var m = matrix(r, c, d);
    if (r !== c || vector) return m;
    var q = s.quals;
    if (q.indexOf("diagonal") >= 0) {
      var dd = [];
      for (var k = 0; k < r * c; k++) dd.push(Math.floor(k / c) === k % c ? 1 + Math.abs(d[k]) : 0);
      m = matrix(r, c, dd);
    }
    if (q.indexOf("positive definite") >= 0) return add(matMulPlain(m, transpose(m)), identity(r), 1);
    if (q.indexOf("symmetric") >= 0) m = scale(add(m, transpose(m), 1), 0.5);
    if (q.indexOf("invertible") >= 0) m = add(m, scale(identity(r), 2), 1);
    return m;
  }
  function holds(c, env, ev) {
    var values = c.terms.map(function (t) { return ev.eval(t, env); });
    if (values.some(function (v) { return !v.scalar; })) fail("a domain constraint must compare scalars", c.terms[0].start, c.terms[c.terms.length - 1].end);
    for (var i = 0; i < c.ops.length; i++) {
      var a = values[i].data[0], b = values[i + 1].data[0];
      var ok = c.ops[i] === "<" ? a < b : c.ops[i] === ">" ? a > b : Math.abs(a - b) > 1e-3;
      if (!ok) return false;
    }
    return true;
  }
  function sample(decls, rng, ev) {
    for (var attempt = 0; attempt < MAX_TRIES; attempt++) {
      var env = {};
      decls.symbols.forEach(function (s) { env[s.name] = draw(s, rng); });
      if (decls.constraints.every(function (c) { return holds(c, env, ev); })) return env;
    }
    return null;
  }

  // ---------------------------------------------------------------- checker
  var REL_TOL = 1e-6, ABS_TOL = 1e-9, MAX_ROUNDS = 30, POINTS = 5, DEFAULT_SEED = 20240607;
  function children(e) {
    switch (e.k) {
      case "index": return e.indices;
      case "neg": case "transpose": return [e.a];
      case "bin": case "pow": return [e.a, e.b];
      case "call": case "fn": return e.args;
      case "matrix": return [].concat.apply([], e.rows);
      case "sum": return e.to === null ? [e.from, e.body] : [e.from, e.to, e.body];
      case "const": return e.size === null ? [] : [e.size];
      case "deriv": return [e.a].concat(e.vars);
      default: return [];
    }
  }
  function containsDerivative(e) {
    if (e.k === "deriv") return true;
    if (e.k === "call" && e.primes > 0) return true;
    if (e.k === "const" || e.k === "index") return false;
    return children(e).some(containsDerivative);
  }
  function namesIn(e) {
    var s = new Set();
    (function walk(x) {
      if (x.k === "sym") s.add(x.name);
      if (x.k === "index") s.add(x.target.name);
      children(x).forEach(walk);
    })(e);
    return s;
  }
  function dependsOnItsVariables(e) {
    if (e.k === "deriv") {
      var names = namesIn(e.a);
      return e.vars.every(function (v) { return (v.k === "sym" && names.has(v.name)) || (v.k === "index" && names.has(v.target.name)); }) && (e.vars.length > 0 || e.a.k === "call");
    }
    return children(e).every(dependsOnItsVariables);
  }
  function alignShape(expected, claimed, nabla) {
    if (claimed.lazy) return null;
    if (expected.scalar || claimed.scalar) return expected.scalar && claimed.scalar ? claimed : null;
    if (expected.rows === claimed.rows && expected.cols === claimed.cols) return claimed;
    if (nabla && isVectorLike(expected) && isVectorLike(claimed) && expected.data.length === claimed.data.length) return transpose(claimed);
    return null;
  }
  function firstMismatch(a, b, rel) {
    if (a.data.length !== b.data.length) return 0;
    var scaleV = 0, i;
    for (i = 0; i < a.data.length; i++) scaleV = Math.max(scaleV, Math.max(Math.abs(a.data[i]), Math.abs(b.data[i])));
    for (i = 0; i < a.data.length; i++) {
      var x = a.data[i], y = b.data[i];
      if (!(Math.abs(x - y) <= rel * Math.max(Math.abs(x), Math.abs(y)) + ABS_TOL * (1 + scaleV))) return i;
    }
    return -1;
  }
  function tryMaterialize(v, like) {
    try { return materialize(v, like.rows, like.cols); } catch (ex) { if (ex instanceof CalcError) return v; throw ex; }
  }
  function materializeLike(v, like) {
    return v.lazy && !like.scalar ? materialize(v, like.rows, like.cols) : v.lazy ? scalar(v.lazy === "zero" ? 0 : NaN) : v;
  }
  function fmtNumber(d) {
    if (!isFinite(d)) return String(d);
    var s = Number(d.toPrecision(6)).toString();
    return s;
  }
  function fmtValue(v) {
    if (v.scalar) return fmtNumber(v.data[0]);
    if (v.lazy) return v.lazy;
    var rows = [];
    for (var i = 0; i < v.rows; i++) {
      var r = [];
      for (var j = 0; j < v.cols; j++) r.push(fmtNumber(at(v, i, j)));
      rows.push(r.join(", "));
    }
    return "[" + rows.join("; ") + "]";
  }
  function sourceOf(text, e) { return e.start >= 0 && e.end <= text.length && e.end > e.start ? text.substring(e.start, e.end).trim() : ""; }
  function counterexample(env, decls, chain, k, claim, expected, claimed, bad) {
    var point = {};
    decls.symbols.forEach(function (s) { point[s.name] = fmtValue(env[s.name]); });
    var cols = expected.scalar ? 1 : expected.cols;
    return {
      point: point, link: k, linkSource: sourceOf(claim, chain[k]), expected: fmtValue(expected), claimed: fmtValue(claimed),
      row: bad < 0 ? 0 : Math.floor(bad / cols) + 1, column: bad < 0 ? 0 : bad % cols + 1,
      expectedEntry: bad < 0 ? null : expected.data[bad], claimedEntry: bad < 0 ? null : claimed.data[bad]
    };
  }
  function verdict(kind, message, extra) {
    var v = { verdict: kind, message: message, counterexample: null, part: null, start: -1, end: -1, offending: null, pointsChecked: 0 };
    if (extra) for (var k in extra) if (has(extra, k)) v[k] = extra[k];
    return v;
  }

  function checkCore(declare, define, claim, layout, seed, auto, explicitDependence) {
    var part = "declare", text = declare;
    try {
      var decls = parseDeclarations(declare);
      part = "define"; text = define;
      var functions = new Set();
      var defs = parseDefinitions(define, decls, functions);
      // A block's define: of a symbol wins over its declaration (e.g. from the notation table).
      var defined = new Set(defs.map(function (d) { return d.name; }));
      decls.symbols = decls.symbols.filter(function (s) { return !defined.has(s.name); });
      part = "claim"; text = claim;
      var variables = new Set(decls.symbols.map(function (s) { return s.name; }).concat(Object.keys(decls.sizes))
        .concat(defs.filter(function (d) { return d.params.length === 0; }).map(function (d) { return d.name; })));
      var chain = parseChain(claim, { functions: functions, variables: variables });
      if (chain.length < 2) return verdict("not-checkable", "a claim needs a derivative and at least one '= …'", { part: part });
      var reference = -1;
      for (var r = 0; r < chain.length; r++) if (containsDerivative(chain[r])) { reference = r; break; }
      if (reference < 0) return verdict("not-checkable", "the claim contains no derivative", { part: part });
      if (auto && !explicitDependence && !chain.filter(containsDerivative).every(dependsOnItsVariables))
        return verdict("not-checkable", "a differentiated expression does not mention its variable (implicit dependence?)", { part: part });
      var definitions = {};
      defs.forEach(function (d) { definitions[d.name] = d; });
      var ev = new Evaluator(definitions, decls.sizes, layout, decls.otimes);
      ev.elementwiseFunctions = decls.functionsElementwise;
      var rng = mulberry32(seed);
      var nabla = chain[reference].k === "deriv" && chain[reference].nabla;
      var valid = 0, mismatches = chain.map(function () { return 0; }), firstRefutation = null;
      for (var round = 0; round < MAX_ROUNDS && valid < POINTS; round++) {
        part = "declare"; text = declare;
        ev.stepScale = 1;
        var env = sample(decls, rng, ev);
        if (env === null) return verdict("not-checkable", "no sample point satisfies the domain constraints", { part: part });
        part = "claim"; text = claim;
        var expected = ev.eval(chain[reference], env);
        if (expected.lazy || hasNaN(expected)) continue;
        var links = [], usable = true;
        for (var k = 0; k < chain.length && usable; k++) {
          var v = k === reference ? expected : ev.eval(chain[k], env);
          if (v.lazy && expected.scalar) v = scalar(v.lazy === "zero" ? 0 : NaN);
          if (v.lazy) v = tryMaterialize(v, expected);
          if (!v.lazy && hasNaN(v)) usable = false;
          links.push(v);
        }
        if (!usable) continue;
        var pointCounted = true;
        for (var k2 = 0; k2 < chain.length; k2++) {
          if (k2 === reference) continue;
          var claimed = alignShape(expected, links[k2], nabla);
          if (claimed === null) {
            if (auto) return verdict("not-checkable", "shapes differ: derivative " + shapeText(expected) + ", link " + k2 + " " + shapeText(links[k2]) + " (layout unclear)", { part: part });
            return verdict("refuted", "wrong shape: the derivative is " + shapeText(expected) + " in " + layout + " layout, but '" + sourceOf(claim, chain[k2]) + "' is " + shapeText(links[k2]),
              { counterexample: counterexample(env, decls, chain, k2, claim, expected, links[k2], -1), pointsChecked: valid + 1 });
          }
          var bad = firstMismatch(expected, claimed, REL_TOL);
          if (bad < 0) continue;
          ev.stepScale = 0.25;
          var expected2 = ev.eval(chain[reference], env);
          var claimed2 = alignShape(expected2, materializeLike(ev.eval(chain[k2], env), expected2), nabla);
          ev.stepScale = 1;
          if (claimed2 === null || hasNaN(expected2) || hasNaN(claimed2) ||
              firstMismatch(expected, expected2, 1e-5) >= 0 || firstMismatch(claimed, claimed2, 1e-5) >= 0) {
            pointCounted = false;
            break;
          }
          bad = firstMismatch(expected2, claimed2, REL_TOL);
          if (bad < 0) continue;
          mismatches[k2]++;
          if (firstRefutation === null)
            firstRefutation = verdict("refuted", "'" + sourceOf(claim, chain[k2]) + "' differs from the derivative",
              { counterexample: counterexample(env, decls, chain, k2, claim, expected2, claimed2, bad) });
          if (!auto) { firstRefutation.pointsChecked = valid + 1; return firstRefutation; }
        }
        if (pointCounted) valid++;
      }
      if (valid < 2) return verdict("not-checkable", "no sample point where the derivative and the claim are both defined", { part: part, pointsChecked: valid });
      if (firstRefutation !== null) {
        if (mismatches.some(function (m) { return m === valid; }) && valid >= 3) { firstRefutation.pointsChecked = valid; return firstRefutation; }
        return verdict("not-checkable", "the claim fails at some points only (unsure)", { part: part, pointsChecked: valid });
      }
      return verdict("verified", "verified at " + valid + " random points", { pointsChecked: valid });
    } catch (ex) {
      if (!(ex instanceof CalcError)) throw ex;
      var offending = ex.start >= 0 && ex.end <= text.length && ex.end > ex.start ? text.substring(ex.start, ex.end) : null;
      var message = part === "claim" && offending !== null ? ex.reason : part + ": " + ex.reason;
      return verdict("not-checkable", message, { part: part, start: ex.start, end: ex.end, offending: offending });
    }
  }

  function parseLayout(text) {
    var t = String(text || "").trim().toLowerCase();
    if (t.length === 0 || t.indexOf("numerator") === 0) return "numerator";
    if (t.indexOf("denominator") === 0) return "denominator";
    return null;
  }

  /** The document's macros ([{name, body, args}]) expanded as TeX would (MacroExpander.cs). */
  function expandMacros(s, macros) {
    if (!macros || macros.length === 0 || !s || s.indexOf("\\") < 0) return s;
    var byName = {};
    macros.forEach(function (m) { byName[String(m.name).replace(/^\\+/, "")] = m; });
    for (var round = 0; round < 16; round++) {
      var out = "", changed = false, i = 0;
      while (i < s.length) {
        if (s[i] !== "\\" || i + 1 >= s.length) { out += s[i++]; continue; }
        if (!isLetter(s[i + 1])) { out += s.substr(i, 2); i += 2; continue; }
        var j = i + 1;
        while (j < s.length && isLetter(s[j])) j++;
        var name = s.substring(i + 1, j);
        if (!has(byName, name)) { out += s.substring(i, j); i = j; continue; }
        var m = byName[name], args = [], k = j;
        for (var a = 0; a < (m.args || 0); a++) {
          while (k < s.length && /\s/.test(s[k])) k++;
          if (k >= s.length) break;
          if (s[k] === "{") {
            var depth = 0, start = k;
            for (; k < s.length; k++) {
              if (s[k] === "\\") { k++; continue; }
              if (s[k] === "{") depth++;
              else if (s[k] === "}" && --depth === 0) { k++; break; }
            }
            args.push(s.substring(start + 1, Math.max(start + 1, k - 1)));
          } else if (s[k] === "\\") {
            var e = k + 1;
            while (e < s.length && isLetter(s[e])) e++;
            if (e === k + 1) e++;
            args.push(s.substring(k, Math.min(e, s.length)));
            k = e;
          } else args.push(s[k++]);
        }
        var body = String(m.body);
        for (var q = args.length; q >= 1; q--) body = body.split("#" + q).join(args[q - 1]);
        out += body;
        if (k < s.length && isLetter(s[k]) && body.length > 0 && isLetter(body[body.length - 1]) && body.indexOf("\\") >= 0) out += " ";
        i = k;
        changed = true;
      }
      if (!changed || out.length > 200000) return out.length > 200000 ? s : out;
      s = out;
    }
    return s;
  }

  /** Checks one claim: {declare, define, claim, layout = "numerator", seed, macros} -> {verdict, message, counterexample, ...}. */
  function check(input) {
    input = input || {};
    if (input.macros && input.macros.length) {
      var mx = input.macros;
      input = { declare: expandMacros(String(input.declare || ""), mx), define: expandMacros(String(input.define || ""), mx),
        claim: expandMacros(String(input.claim || ""), mx), layout: input.layout, seed: input.seed, auto: input.auto, explicitDependence: input.explicitDependence };
    }
    var layout = parseLayout(input.layout);
    if (layout === null) return verdict("not-checkable", "unknown layout '" + input.layout + "' (use numerator or denominator)", { part: "layout" });
    var seed = input.seed === undefined || input.seed === null ? DEFAULT_SEED : (input.seed >>> 0);
    try {
      return checkCore(String(input.declare || ""), String(input.define || ""), String(input.claim || ""), layout, seed, !!input.auto, !!input.explicitDependence);
    } catch (ex) {
      return verdict("not-checkable", "internal error: " + (ex && ex.message ? ex.message : String(ex)));
    }
  }

  /** Human-readable text of a verdict, as the C# Verdict.ToString(). */
  function describeVerdict(v) {
    var s = v.verdict + ": " + v.message;
    if (v.offending !== null && v.offending !== undefined) s += " (at '" + v.offending + "' in " + v.part + ")";
    var c = v.counterexample;
    if (c) {
      s += "\n  at " + Object.keys(c.point).map(function (k) { return k + " = " + c.point[k]; }).join(", ");
      s += "\n  derivative:   " + c.expected;
      s += "\n  link " + c.link + " (" + c.linkSource + "): " + c.claimed;
      if (c.row > 0) s += "\n  entry (" + c.row + ", " + c.column + "): expected " + fmtNumber(c.expectedEntry) + ", claimed " + fmtNumber(c.claimedEntry);
    }
    return s;
  }

  var api = { check: check, describe: describeVerdict, defaultSeed: DEFAULT_SEED, version: 1 };
  root.BookishDerivCheck = api;
  if (typeof window !== "undefined") window.BookishDerivCheck = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
