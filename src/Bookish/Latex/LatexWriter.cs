using System.Collections.Immutable;
using System.Globalization;
using Bookish.Model;

namespace Bookish.Latex;

/// <summary>Writes one page (or a whole book) as LaTeX into the template; native math, same numbers as the HTML.</summary>
internal sealed partial class LatexWriter
{
    private readonly LatexBuilder _out = new();
    private readonly LatexWriterContext _context;
    private readonly List<string> _resources = [];
    private readonly HashSet<Text.SourceSpan> _displayMath = [];
    private readonly List<Diagnostics.Diagnostic> _problems = [];

    [System.Text.RegularExpressions.GeneratedRegex(@"\\(?:begin|end)\s*\{document\}|\\(?:stop|endinput|documentclass|dump)(?![a-zA-Z])|\\end(?![a-zA-Z\s{])|\\end\s*$")]
    private static partial System.Text.RegularExpressions.Regex EndsDocument();
    private readonly System.Text.StringBuilder _toc = new();
    private Document _page = null!;
    private int _topLevel = 1;
    /// <summary>This run's random token: the lockdown's saved names, the end marker and the progress markers carry it.</summary>
    private readonly string _token = Toolchain.TexLockdown.NewToken();

    private LatexWriter(LatexWriterContext context) => _context = context;

    public static LatexDocument Write(LatexWriterContext context)
    {
        var w = new LatexWriter(context);
        return w.Build();
    }

    private LatexDocument Build()
    {
        var pub = _context.Publication;
        var m = pub.Metadata;
        var template = _context.TemplateTex.Replace("\r", "");
        var lines = template.Split('\n');
        // Packages of the shared preamble join the template's in the dumped format; its macros (per document) follow it.
        var preamble = _context.Preamble.Replace("\r", "").TrimEnd().Split('\n');
        var packages = preamble.Where(IsPackageLine).ToList();
        var macros = preamble.Where(l => !IsPackageLine(l) && l.Trim().Length > 0).ToList();
        var formatLines = 0;
        var token = _token;
        foreach (var line in lines)
        {
            switch (line.Trim())
            {
                case "%% bookish:preamble":
                    foreach (var l in packages) _out.Line(l);
                    TheoremPreamble();
                    CalloutPreamble();
                    break;
                case "\\begin{document}":
                    // The document's own macros come after the lockdown, like its equations and raw blocks.
                    _out.Line(line);
                    _out.Append(Toolchain.TexPackageSetup.BeforeLockdown);
                    _out.Append(Toolchain.TexLockdown.For(Toolchain.LockdownKind.Document, token));
                    foreach (var macro in macros) _out.Line(macro);
                    break;
                case "\\end{document}":
                    _out.Append(Toolchain.TexLockdown.End(token));
                    break;
                case "%% bookish:metadata":
                    formatLines = _out.LineCount;
                    if (HasCode(pub)) foreach (var definition in Highlighting.CodePalette.LatexDefinitions()) _out.Line(definition);
                    _out.Line($"\\hypersetup{{pdftitle={{{LatexEscaper.Escape(m.TitleContent.Length > 0 ? Presentation.PlainText(m.TitleContent, OutlineText.FromMath) : m.Title)}}},pdfauthor={{{LatexEscaper.Escape(Presentation.AuthorField(m))}}}}}");
                    break;
                case "%% bookish:title":
                    Title(m);
                    break;
                case "%% bookish:body":
                    foreach (var page in pub.Pages) Page(page);
                    References();
                    _out.Unmark();
                    break;
                default:
                    _out.Line(line);
                    break;
            }
        }
        // Images that equations and raw LaTeX include are resources too (copied from the document folder, never above it).
        var tex = _out.ToString();
        foreach (System.Text.RegularExpressions.Match include in System.Text.RegularExpressions.Regex.Matches(tex, @"\\includegraphics\s*(\[[^\]]*\])?\s*\{([^}]+)\}"))
            _resources.Add(include.Groups[2].Value.Trim());
        // Characters pdfLaTeX's fonts lack are drawn (same line count: the line map stays valid).
        var generated = new Dictionary<string, byte[]>();
        var missing = new List<Unicode.FallbackGlyphs.Missing>();
        tex = Unicode.FallbackGlyphs.Resolve(tex, generated, missing);
        var doc = new LatexDocument(tex, _out.LineMap, _resources) { FormatLines = formatLines, EndMarker = Toolchain.TexLockdown.EndMarker(token), ProgressMarker = PdfProgress.Prefix(token), Generated = generated, DisplayMath = _displayMath, TocSeed = _toc.ToString() };
        var warnings = missing.Select(m =>
        {
            var line = 1 + tex.AsSpan(0, Math.Min(m.Offset, tex.Length)).Count('\n');
            var span = doc.SpanOf(line) ?? Text.SourceSpan.At(_context.Publication.Pages[0].SourcePath, 0, 0);
            return Diagnostics.Diagnostic.Warning(Diagnostics.DiagnosticIds.PdfUntypesetCharacter, span,
                $"no installed font has '{m.Text}' ({string.Join(" ", m.Text.EnumerateRunes().Select(r => $"U+{r.Value:X4}"))}): the PDF shows its code instead");
        }).DistinctBy(d => (d.Span, d.Message)).ToList();
        return doc with { Warnings = [.. _problems, .. warnings] };
    }

    private static bool IsPackageLine(string line) =>
        line.TrimStart().StartsWith("\\usepackage", StringComparison.Ordinal) || line.TrimStart().StartsWith("\\RequirePackage", StringComparison.Ordinal);

    private void Title(Metadata m)
    {
        if (m.Title.Length == 0) return;
        // A title with math typesets it, as the page does (the same inlines; the PDF outline gets its Unicode text).
        var title = m.TitleContent.Length > 0 ? Inlines(m.TitleContent, moving: true) : LatexEscaper.Escape(m.Title);
        if (m.Subtitle is { Length: > 0 } sub) title += $"\\\\[0.3em]\\large {LatexEscaper.Escape(sub)}";
        _out.Line($"\\title{{{title}}}");
        // Authors read as in the page: "A, B and C".
        var names = m.Authors.Select(a => a.Url is { Length: > 0 } u
            ? $"\\href{{{LatexEscaper.Url(u)}}}{{{LatexEscaper.Escape(a.Name)}}}" : LatexEscaper.Escape(a.Name)).ToList();
        var authors = Presentation.AuthorList(names);
        _out.Line($"\\author{{{authors}}}");
        _out.Line($"\\date{{{LatexEscaper.Escape(m.Date ?? "")}}}");
        _out.Line("\\maketitle");
        if (m.Abstract.Length > 0)
        {
            _out.Line("\\begin{abstract}");
            _page = _context.Publication.Pages[0];
            foreach (var b in m.Abstract) Block(b);
            _out.Line("\\end{abstract}");
        }
        if (Presentation.ShowsContents(_context.Publication))
            _out.Line("\\tableofcontents");
    }

    private void References()
    {
        var references = _context.Bibliography.References;
        if (references.Count == 0) return;
        _out.Line("\\section*{References}");
        _out.Line("\\pdfbookmark[1]{References}{references}");
        foreach (var r in references)
        {
            var text = LatexEscaper.Escape(r.Text);
            if (r.Link is { Length: > 0 } link) text = $"\\href{{{LatexEscaper.Url(link)}}}{{{text}}}";
            // Author-year references are sorted by author and carry no number; a hanging indent sets them apart.
            _out.Line(_context.Bibliography.Style == Citations.CitationStyle.AuthorYear
                ? $"\\noindent\\hangindent=1.5em\\hangafter=1\\hypertarget{{{r.Id}}}{{}}{text}\\par"
                : $"\\noindent\\hypertarget{{{r.Id}}}{{}}{r.Number}. {text}\\par");
        }
    }

    private void Page(Document page)
    {
        _page = page;
        _topLevel = Presentation.TopHeadingLevel(page);
        if (Presentation.IsChapter(page, _context.Publication))
        {
            var title = page.Metadata.TitleContent.Length > 0 ? Inlines(page.Metadata.TitleContent, moving: true) : TitleText(Presentation.PageTitle(page));
            BookDivisions(page);
            _out.Line($"\\chapter{{{title}}}");
            _toc.Append($"\\contentsline {{chapter}}{{\\numberline {{{page.Chapter?.Number ?? "0"}}}{title}}}{{0}}{{}}%\n");
            _out.Line($"\\label{{page:{page.PageName}}}");
            if (page.Label is { Length: > 0 } label) _out.Line($"\\label{{{LabelOf(label)}}}");
        }
        foreach (var b in page.Blocks) Block(b);
    }

    /// <summary>How deep the block being written is nested (1: a block of the page itself).</summary>
    private int _blockDepth;

    /// <summary>
    /// Where LaTeX may put a figure or table: a float of the page's own text goes where it stands if it fits, else to the
    /// top or bottom of a page or a page of floats (<c>[htbp]</c>), as LaTeX authors write; inside a list, a quote or a
    /// callout box a float is impossible, so it stays in place (<c>[H]</c>).
    /// </summary>
    private string FloatPlacement => _blockDepth <= 1 ? "[htbp]" : "[H]";

    /// <summary>An image without a caption is an illustration of the text around it: it stays where it stands.</summary>
    private string FigurePlacement(Figure f) => f.Number.Length > 0 ? FloatPlacement : "[H]";

    private void Block(Block block)
    {
        _blockDepth++;
        try { BlockAt(block); }
        finally { _blockDepth--; }
    }

    private void BlockAt(Block block)
    {
        _out.Mark(block.Span);
        // A progress marker at the start of each block: a run that stops making progress is stopped, and the block it was in becomes a marker.
        if (!block.Span.IsNone) _out.Append(PdfProgress.Marker(_token, _out.LineCount + 1));
        if (_context.Failed.TryGetValue(block.Span, out var failure) && !block.Span.IsNone)
        {
            FailedBlock(block, failure);
            return;
        }
        switch (block)
        {
            case Heading h:
            {
                var depth = Math.Clamp(h.Level - _topLevel, 0, 3);
                var cmd = depth switch { 0 => "section", 1 => "subsection", 2 => "subsubsection", _ => "paragraph" };
                var text = Inlines(h.Content, moving: true);
                if (depth <= 1) _toc.Append($"\\contentsline {{{cmd}}}{{{(h.Number.Length > 0 ? $"\\numberline {{{h.Number}}}" : "")}{text}}}{{0}}{{}}%\n");
                if (h.Number.Length > 0)
                    _out.Line($"\\{cmd}{{{text}}}");
                else
                {
                    _out.Line($"\\{cmd}*{{{text}}}");
                    _out.Line($"\\addcontentsline{{toc}}{{{cmd}}}{{{text}}}");
                }
                _out.Line($"\\label{{{LabelOf(h.Label ?? h.Id)}}}");
                _out.Line();
                break;
            }
            case Paragraph p:
                _out.Line(Inlines(p.Content));
                _out.Line();
                break;
            case MathBlock m:
                MathBlock(m);
                break;
            case CheckBlock c:
                if (c.Id.Length > 0) _out.Line($"\\hypertarget{{{LabelOf(c.Id)}}}{{}}%");
                _out.Line("\\[");
                _out.Line(c.Display);
                _out.Line("\\]");
                break;
            case CodeBlock c:
                _out.Line(Highlighting.CodeLatex.Render(Highlighting.Highlighter.Tokenize(c.Attributes.Language, c.Code), c.Attributes));
                break;
            case ListBlock l:
            {
                var env = l.Ordered ? "enumerate" : "itemize";
                // enumitem's start= works at every depth (\setcounter{enumi} only at the first).
                _out.Line(l.Ordered && l.Start != 1 ? $"\\begin{{{env}}}[start={l.Start}]" : $"\\begin{{{env}}}");
                foreach (var item in l.Items)
                {
                    _out.Mark(item.Span);
                    _out.Append("\\item ");
                    if (_context.Failed.TryGetValue(item.Span, out var itemFailure) && !item.Span.IsNone)
                    {
                        _out.Line(ErrorBox(itemFailure, Presentation.SourceText(item.Blocks)));
                        continue;
                    }
                    foreach (var b in item.Blocks) Block(b);
                }
                _out.Line($"\\end{{{env}}}");
                break;
            }
            case BlockQuote q:
                _out.Line("\\begin{quote}");
                foreach (var b in q.Blocks) Block(b);
                _out.Line("\\end{quote}");
                break;
            case Table t:
                Table(t);
                break;
            case Figure f:
                Figure(f);
                break;
            case ThematicBreak:
                _out.Line("\\begin{center}\\rule{0.5\\linewidth}{0.4pt}\\end{center}");
                break;
            case RawBlock r when r.Format == "latex" && EndsDocument().IsMatch(r.Text):
                // It would end the PDF here without an error: everything after it would silently be lost.
                // The publisher already reports what the containment list names (BK2002); only the rest is reported here.
                if (Toolchain.Containment.FindForbidden(r.Text) is null)
                    _problems.Add(Diagnostics.Diagnostic.Error(Diagnostics.DiagnosticIds.PdfError, r.Span,
                    "raw LaTeX that ends or restarts the document (\\end{document}, \\stop, \\endinput, \\documentclass) is not allowed in the body: shown as a marker"));
                FailedBlock(r, "it would end the document");
                break;
            case RawBlock r when r.Format == "latex":
                // A raw block reaching for files or the end of the run is reported by the publisher and left out here.
                _out.Line(Toolchain.Containment.FindForbidden(r.Text) is null ? r.Text : "\\begin{center}" + BrokenMarker(r.Text) + "\\end{center}");
                break;
            case RawBlock:
                break;
            case Aside a:
                // The same title as the page: the callout's own, or none.
                CalloutBlock(a);
                break;
            case NotationTablePlaceholder:
                NotationTable();
                break;
            case Theorem t:
                TheoremBlock(t);
                break;
        }
    }

    /// <summary>LaTeX labels: any text without the characters that break \label.</summary>
    internal static string LabelOf(string label) => new string(label.Select(c => char.IsLetterOrDigit(c) || c is ':' or '-' or '.' or '_' ? c : '-').ToArray());

    private void MathBlock(MathBlock m)
    {
        var (blockTex, blockMode) = Equations.MathTex.ForBlock(m);
        if (_context.IsBrokenMath(blockTex, blockMode))
        {
            _out.Line(ErrorBox("This equation could not be typeset (reported above):", m.Tex));
            return;
        }
        if (m.Environment == MathEnvironment.RawLatex)
        {
            if (m.Id.Length > 0) _out.Line($"\\hypertarget{{{LabelOf(m.Id)}}}{{}}%");
            _out.Line("\\begin{center}");
            _out.Line(m.Tex);
            _out.Line("\\end{center}");
            return;
        }
        var name = m.Environment.LatexName();
        if (m.Id.Length > 0) _out.Line($"\\hypertarget{{{LabelOf(m.Id)}}}{{}}%");
        // A one-line display (no \tag or \notag, which must not sit in a box) wider than the text is shrunk to fit on
        // the next run, with a warning: the last resort after the line breaks the author chose.
        var body = m.Tex;
        _displayMath.Add(m.Span);
        // A display with lines of text written as $$…$$ or \[…\] (MathJax accepts \intertext there) is the align* LaTeX needs.
        if (Equations.MathTex.PdfTextDisplay(m) is { } textDisplay)
        {
            _out.Line(textDisplay);
            return;
        }
        if (name is null or "equation" or "equation*" && !System.Text.RegularExpressions.Regex.IsMatch(m.Tex, @"\\(tag|notag|nonumber)\b"))
        {
            if (_context.Shrink.Contains(m.Span))
                body = $"\\adjustbox{{max width={(name == "equation" ? "\\linewidth-3em" : "\\linewidth")}}}{{$\\displaystyle {m.Tex.Trim()}$}}";
        }
        else if (_context.Shrink.Contains(m.Span))
        {
            ShrunkRows(m, name);
            return;
        }
        if (name is null)
        {
            _out.Line("\\[");
            _out.Line(body);
            _out.Line("\\]");
        }
        else
        {
            _out.Line($"\\begin{{{name}}}");
            _out.Line(body);
            _out.Line($"\\end{{{name}}}");
        }
    }

    private void Figure(Figure f)
    {
        var path = f.Parts.IsDefaultOrEmpty ? _context.ResolveImage(f) : null;
        _out.Line($"\\begin{{figure}}{FigurePlacement(f)}");
        _out.Line("\\centering");
        if (!f.Parts.IsDefaultOrEmpty) SubFigureGrid(f);
        else if (path is not null)
        {
            _resources.Add(path);
            var width = f.WidthFraction > 0 ? f.WidthFraction.ToString("0.###", CultureInfo.InvariantCulture) + "\\linewidth" : "\\linewidth";
            _out.Line($"\\includegraphics[width={width},height=0.5\\textheight,keepaspectratio]{{{path}}}");
        }
        else _out.Line($"\\fbox{{\\texttt{{{LatexEscaper.Escape(f.Source)}}}}}");
        if (f.Number.Length > 0)
        {
            _out.Line($"\\caption{{{Inlines(f.Caption)}}}");
            _out.Line($"\\label{{{LabelOf(f.Label ?? f.Id)}}}");
        }
        _out.Line("\\end{figure}");
    }
}
