/* Bookish book search: the one definition of how a book's text becomes Lunr terms. Two programs run this file right
   after Debian's lunr.min.js (libjs-lunr): the build, in Jint, which calls bookishSearch.build(docs) and writes the
   serialized index into search-index.js; and the page (book.js), which only ever calls bookishSearch.load(...) on
   that index and bookishSearch.terms(...) on what the reader types. The index's search pipeline names the functions
   registered here, so lunr.Index.load refuses it without this file: the page cannot drift from the build. */
(function (root) {
  "use strict";
  var lunr = root.lunr;

  /* TeX and prose alike split at spaces, backslashes, braces, scripts and punctuation: \nabla_{\mathbf{x}} f gives
     "nabla", "mathbf", "x", "f", so a search for \nabla finds the gradient equations. */
  var separator = /[\s\-\\{}_^()\[\],.;:!?=+*\/|&$'"<>~]+/;
  lunr.tokenizer.separator = separator;

  /* The words of a field, as lunr.tokenizer splits them at the separator (one split per field instead of one
     regular expression per character: the build runs in an interpreter). The tokens of a field share their metadata
     (the field's name): no position is stored in the index. */
  function tokenize(obj, metadata) {
    if (obj === null || obj === undefined) return [];
    var words = String(obj).toLowerCase().split(separator), tokens = [];
    for (var i = 0; i < words.length; i++) if (words[i].length > 0) tokens.push(new lunr.Token(words[i], metadata));
    return tokens;
  }

  /* Marks that are not letters or digits leave a word's ends (“quotes”, #, %, …). Unlike lunr.trimmer, letters
     outside ASCII stay: "über" is not indexed as "ber". */
  var ends = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  function trim(word) { return word.replace(ends, ""); }
  function trimmer(token) { return token.update(trim); }
  lunr.Pipeline.registerFunction(trimmer, "bookishTrimmer");

  /* Lunr's English (Porter) stemmer, remembering each word's stem: a book repeats its words thousands of times. */
  var stems = Object.create(null);
  function stem(word) {
    var s = stems[word];
    if (s === undefined) { s = lunr.stemmer(new lunr.Token(word)).toString(); stems[word] = s; }
    return s;
  }
  function stemmer(token) { return token.update(stem); }
  lunr.Pipeline.registerFunction(stemmer, "bookishStemmer");

  /* What the index keeps of a word: trimmed, without English stop words, stemmed. Stop words leave the prose,
     never the TeX: \in, \to, \not and \top are words a reader of equations searches for. The field a token comes
     from is in its metadata (lunr.Builder.add tokenizes field by field). One function, each word worked out once. */
  var TEX_FIELD = "math", terms = { prose: Object.create(null), tex: Object.create(null) };
  function indexTerm(token) {
    var fields = token.metadata && token.metadata.fields;
    var known = fields && fields.length === 1 && fields[0] === TEX_FIELD ? terms.tex : terms.prose;
    var word = token.toString(), term = known[word];
    if (term === undefined) {
      term = trim(word);
      if (term.length > 0 && (known === terms.tex || lunr.stopWordFilter(new lunr.Token(term)) !== undefined)) term = stem(term);
      else term = "";
      known[word] = term;
    }
    return term.length > 0 ? token.update(function () { return term; }) : undefined;
  }
  lunr.Pipeline.registerFunction(indexTerm, "bookishIndexTerm");

  var FIELDS = [["heading", 4], ["captions", 2], ["text", 1], [TEX_FIELD, 1]];

  root.bookishSearch = {
    separator: separator,

    /* The words of a query, split and trimmed as the index's text was (the stem comes from the index's pipeline). */
    terms: function (query) {
      return String(query).toLowerCase().split(separator).map(trim).filter(function (t) { return t.length > 0; });
    },

    /* Build time only: the index of the documents (one per section: id, heading, captions, text, math). */
    build: function (docs) {
      var builder = new lunr.Builder();
      builder.tokenizer = tokenize;
      builder.pipeline.add(indexTerm);
      builder.searchPipeline.add(trimmer, stemmer);
      builder.ref("id");
      for (var f = 0; f < FIELDS.length; f++) builder.field(FIELDS[f][0], { boost: FIELDS[f][1] });
      for (var i = 0; i < docs.length; i++) builder.add(docs[i]);
      return builder.build();
    },

    /* In the page: the index the build wrote. */
    load: function (serialized) {
      return lunr.Index.load(serialized);
    }
  };
})(this);
