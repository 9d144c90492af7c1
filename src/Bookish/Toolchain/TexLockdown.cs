using System.Security.Cryptography;
using System.Text;

namespace Bookish.Toolchain;

/// <summary>Where the lockdown goes: an equation batch (strict) or the PDF document (what LaTeX's kernel needs stays).</summary>
internal enum LockdownKind
{
    /// <summary>Equation batch through DVI (specials stay: colour and PNG images use them).</summary>
    BatchDvi,
    /// <summary>Equation batch through pdfTeX's PDF output.</summary>
    BatchPdf,
    /// <summary>The PDF document: the output routine, the table of contents and the .aux file keep working.</summary>
    Document,
}

/// <summary>
/// Defence in depth behind the sandbox: TeX code placed right after <c>\begin{document}</c> (so every package and
/// Bookish's own set-up have run) that disables, for everything that follows (the document's macros, equations and
/// raw LaTeX blocks), the primitives that read or write files, forge output or end the run: each name and its
/// aliases (<c>\@@input</c>, expl3's <c>\tex_…:D</c>, <c>\pdfprimitive</c>) becomes a macro raising a TeX error
/// that names it, so <c>\csname</c> and <c>^^</c> spellings land on the same macro. What Bookish itself still needs
/// (shipping a batch page, ending the document, reading the images it copied) it keeps in copies whose names carry a
/// per-run random token. The sandbox is the wall; this layer only makes the first attempts fail loudly.
/// </summary>
internal static class TexLockdown
{
    /// <summary>A fresh random token (letters only, usable in control-sequence names and log markers).</summary>
    public static string NewToken()
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes) sb.Append((char)('a' + b % 26)).Append((char)('a' + b / 26 % 26));
        return sb.ToString();
    }

    /// <summary>
    /// Never usable by a document, whatever the kind. LaTeX's <c>\@@end</c> stays as it is: packages compare tokens
    /// with it (bm uses it as the end sentinel of <c>\bm</c>'s argument), so it must keep its own unexpandable meaning.
    /// A run ended early through it is caught all the same: a batch misses its fragments' markers, and the PDF misses
    /// the end marker <see cref="End"/> writes (<see cref="EndMarker"/>).
    /// </summary>
    private static readonly string[] Always =
    [
        "pdfobj", "tex_pdfobj:D", "pdffiledump", "tex_pdffiledump:D", "pdfmdfivesum", "tex_pdfmdfivesum:D",
        "pdffilesize", "tex_pdffilesize:D", "pdffilemoddate", "tex_pdffilemoddate:D", "pdfprimitive", "tex_pdfprimitive:D",
        "primitive", "tex_primitive:D", "pdfifprimitive", "scantokens", "tex_scantokens:D", "scantextokens", "tex_everyeof:D", "everyeof",
        "dump", "tex_dump:D", "stop", "tex_end:D", "enddocument",
        "read", "tex_read:D", "readline", "tex_readline:D", "shipout", "@@shipout",
        "input", "include", "includeonly", "@iinput", "tex_input:D", "file_input:n", "file_get:nnN",
        "pdfinclusion",
    ];

    /// <summary>
    /// Batches also lose shipping, writing files and image inclusion (their images go through Bookish's
    /// <c>\includegraphics</c>). LaTeX's own <c>\@@input</c>, <c>\openin</c> and <c>\InputIfFileExists</c> stay for
    /// its font loading: kpathsea's paranoid mode (<c>openin_any=p</c>) refuses absolute and parent paths to them,
    /// and the sandbox shows them nothing but the TeX installation and the work directory.
    /// </summary>
    private static readonly string[] BatchOnly =
    [
        "tex_shipout:D", "pdfximage", "tex_pdfximage:D", "pdfrefximage", "tex_pdfrefximage:D", "openout", "tex_openout:D", "@@openout",
    ];

    /// <summary>
    /// The PDF document includes images only through <c>\includegraphics</c>, and opens no file for writing: LaTeX's own
    /// .toc/.lof/.lot are opened by its <c>\@starttoc</c>, which the lockdown redefines around the saved primitive (the
    /// .aux and hyperref's .out were opened before, at <c>\begin{document}</c>). A document's <c>\openout</c> is refused
    /// with TeX's error at its line; its <c>\write</c> then reaches only the log (an unopened stream) or LaTeX's own files.
    /// </summary>
    private static readonly string[] ImageFiles =
        ["pdfximage", "tex_pdfximage:D", "pdfrefximage", "tex_pdfrefximage:D", "openout", "tex_openout:D", "@@openout"];

    /// <summary>
    /// PDF output needs no specials or literal PDF from a document (batches keep <c>\special</c>: a DVI page Bookish
    /// cannot draw is typeset again through pdfTeX, which ignores the specials it does not know).
    /// </summary>
    private static readonly string[] PdfOnly = ["special", "tex_special:D", "pdfliteral", "tex_pdfliteral:D"];

    /// <summary>
    /// A pdfTeX batch writes each page's fragment into its page dictionary (<see cref="Equations.PdfCounts"/>) through the
    /// saved primitive: a fragment may not set the attribute itself.
    /// </summary>
    private static readonly string[] PageAttributes = ["pdfpageattr", "tex_pdfpageattr:D"];

    /// <summary>What Bookish's image wrapper re-enables, within a group, while graphicx reads an image it copied.</summary>
    private static readonly string[] ImageReading =
    [
        "openin", "tex_openin:D", "closein", "tex_closein:D", "read", "tex_read:D", "readline", "tex_readline:D", "IfFileExists",
        "pdfximage", "tex_pdfximage:D", "pdfrefximage", "tex_pdfrefximage:D",
    ];

    /// <summary>
    /// The lockdown for one run. Every definition is global: a fragment that closes the document's group (a stray
    /// <c>\end{matrix}</c> or <c>\endgroup</c> at the outer level) cannot undo it. Batches then ship each page with <see cref="Ship"/> and end with <see cref="End"/>;
    /// the PDF document ends with <see cref="End"/> instead of <c>\end{document}</c>.
    /// </summary>
    public static string For(LockdownKind kind, string token)
    {
        var names = Always.Concat(kind == LockdownKind.Document ? ImageFiles : BatchOnly)
            .Concat(kind switch { LockdownKind.Document => PdfOnly, LockdownKind.BatchPdf => PdfOnly.Where(n => n.Contains("literal")).Concat(PageAttributes), _ => [] })
            .Distinct().ToList();
        var saved = names.Concat(ImageReading).Concat(["includegraphics", "tex_shipout:D"]).Distinct();
        var sb = new StringBuilder();
        sb.Append("\\makeatletter\n");
        foreach (var name in saved)
            sb.Append($"\\global\\expandafter\\let\\csname bk{token}@{name}\\expandafter\\endcsname\\csname {name}\\endcsname\n");
        // The refusal has a fixed name: what a document can reach by a public name (\meaning\input, \show\shipout) never
        // shows the run's token. Redefining the refusal gains nothing: the primitive behind the name is gone either way.
        sb.Append("\\long\\gdef\\bk@denied#1{\\errmessage{Bookish: \\expandafter\\string\\csname#1\\endcsname\\space is not allowed in a document (TeX may not read or write files, ship pages or end the run here)}}\n");
        foreach (var name in names)
            sb.Append($"\\global\\expandafter\\def\\csname {name}\\endcsname{{\\bk@denied{{{name}}}}}\n");
        // Bookish's own end: every name back for LaTeX's \end{document} (hyperref checksums its files there, the .aux is read again).
        sb.Append($"\\gdef\\bk{token}@restore{{");
        foreach (var name in names)
            sb.Append($"\\expandafter\\let\\csname {name}\\expandafter\\endcsname\\csname bk{token}@{name}\\endcsname");
        sb.Append("}\n");
        if (kind != LockdownKind.Document)
        {
            // Batches read no file after this point: the images equations include were typeset into boxes before it
            // (see PreloadImage), and \includegraphics finds its box by its own arguments. Nothing a fragment can reach by
            // a public name leads to a name carrying the token.
            sb.Append("\\gdef\\includegraphics{\\@ifstar\\bk@ig\\bk@ig}\\gdef\\bk@ig{\\@ifnextchar[\\bk@igo{\\bk@igo[]}}\n");
            sb.Append("\\long\\gdef\\bk@igo[#1]#2{\\expandafter\\ifx\\csname bkimg@\\detokenize{#1}@\\detokenize{#2}\\endcsname\\relax\\errmessage{Bookish: image '#2' cannot be found (equations include images of the document's folder, named in the equation itself)}"
                + "\\else\\expandafter\\copy\\csname bkimg@\\detokenize{#1}@\\detokenize{#2}\\endcsname\\fi}\n");
        }
        else
        {
            // Images: the real \includegraphics in a group that has file reading back; file names must stay inside the work directory.
            sb.Append($"\\gdef\\bk{token}@unlock{{");
            foreach (var name in ImageReading)
                sb.Append($"\\expandafter\\let\\csname {name}\\expandafter\\endcsname\\csname bk{token}@{name}\\endcsname");
            sb.Append("}\n");
            sb.Append($"\\gdef\\includegraphics#1#{{\\csname bk{token}@ig\\endcsname{{#1}}}}\n");
            sb.Append($"\\long\\gdef\\bk{token}@ig#1#2{{\\mbox{{\\bk{token}@unlock\\csname bk{token}@includegraphics\\endcsname#1{{#2}}}}}}\n");
        }
        if (kind == LockdownKind.Document)
            sb.Append($"\\gdef\\@starttoc#1{{\\begingroup\\makeatletter\\@input{{\\jobname.#1}}\\if@filesw\\expandafter\\newwrite\\csname tf@#1\\endcsname"
                + $"\\immediate\\csname bk{token}@openout\\endcsname\\csname tf@#1\\endcsname\\jobname.#1\\relax\\fi\\@nobreakfalse\\endgroup}}\n");
        if (kind == LockdownKind.Document)
            // LaTeX's output routine ships the document's pages: within it (a group of its own) \shipout is the real one.
            sb.Append($"\\xdef\\bk{token}@out{{\\noexpand\\let\\noexpand\\shipout\\expandafter\\noexpand\\csname bk{token}@shipout\\endcsname\\the\\output}}\\global\\output=\\expandafter{{\\bk{token}@out}}\n");
        sb.Append("\\makeatother\n");
        return sb.ToString();
    }

    /// <summary>
    /// A batch's image, typeset before the lockdown into a box named by <c>\includegraphics</c>'s own arguments
    /// (<paramref name="options"/> without brackets, <paramref name="file"/>), which the batch's <c>\includegraphics</c> copies.
    /// </summary>
    public static string PreloadImage(string options, string file) =>
        $"\\expandafter\\newbox\\csname bkimg@\\detokenize{{{options}}}@\\detokenize{{{file}}}\\endcsname"
        + $"\\IfFileExists{{{file}}}{{\\global\\expandafter\\setbox\\csname bkimg@\\detokenize{{{options}}}@\\detokenize{{{file}}}\\endcsname\\hbox{{\\includegraphics[{options}]{{{file}}}}}}}{{}}\n";

    /// <summary>Ships <c>\bkbox</c> as one page at the origin (batches; the page is the box).</summary>
    public static string Ship(string token) => $"\\csname bk{token}@tex_shipout:D\\endcsname\\hbox{{\\usebox\\bkbox}}";


    /// <summary>Ends the run with the saved kernel pieces put back for LaTeX's own <c>\end{document}</c>.</summary>
    public static string End(string token) => $"\\typeout{{{EndMarker(token)}}}\\csname bk{token}@restore\\endcsname\\end{{document}}\n";

    /// <summary>The log line a run writes when it reaches Bookish's own end (and not an early end of the document's making).</summary>
    public static string EndMarker(string token) => $"BKEND:{token}";
}
