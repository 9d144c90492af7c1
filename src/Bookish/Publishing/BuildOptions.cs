using Bookish.Equations;

namespace Bookish.Publishing;

/// <summary>Frozen options of one build (made by the CLI or tests).</summary>
public sealed record BuildOptions(string Input)
{
    /// <summary>Output folder; default <c>output/&lt;name&gt;</c> under the current directory.</summary>
    public string? OutputDirectory { get; init; }
    public bool Pdf { get; init; } = true;
    /// <summary>--epub: also write the publication as an EPUB 3 book (<c>&lt;name&gt;.epub</c>); <c>formats: [epub]</c> in front matter does too.</summary>
    public bool Epub { get; init; }
    public bool KeepTex { get; init; }
    public string? CacheDirectory { get; init; }
    public bool UseCache { get; init; } = true;
    public MathEngine Engine { get; init; } = MathEngine.LatexDvi;
    public string MathFont { get; init; } = "cm";
    public bool DocumentCss { get; init; }
    /// <summary>--math=png: also write every equation as a 2x PNG and use it in the page instead of inline SVG.</summary>
    public bool MathPng { get; init; }
    /// <summary>Draw a 1200x630 social card (card.png) unless front matter names an image.</summary>
    public bool SocialCard { get; init; } = true;
    /// <summary>Folder holding page.html, article.css, article.tex (default: shipped beside the program).</summary>
    public string? TemplatesDirectory { get; init; }
    /// <summary>How long one equation (or raw block) may keep TeX busy without progress (--tex-timeout).</summary>
    public TimeSpan TexTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Bound on each pdflatex run of the PDF (--pdf-timeout).</summary>
    public TimeSpan PdfTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Called with each stage's name as it ends (read, checks, math, html, pdf, publish).</summary>
    public Action<string>? StageDone { get; init; }
    /// <summary>Told as each long stage starts (reading, TeX typesetting N equations, the PDF, publishing): the CLI's progress display.</summary>
    public IProgress<BuildProgress>? Progress { get; init; }
    public int? Parallelism { get; init; }
    /// <summary>--root: the project root every path the document names must lie in (default: the input's folder).</summary>
    public string? Root { get; init; }
    /// <summary>How long to wait for another build that holds the output folder's lock before refusing.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Called once when the build starts waiting for another build's lock on the output folder.</summary>
    public Action<string>? Waiting { get; init; }
    /// <summary>Test seam: the programs' seam (TeX, converters) instead of the real, sandboxed toolchain.</summary>
    public Toolchain.IToolchain? Toolchain { get; init; }
    /// <summary>Test seam: a renderer to use instead of the real batch renderer.</summary>
    public IMathRenderer? MathRenderer { get; init; }
    /// <summary>--execute: run the document's Python cells (also <c>execute: true</c> in the front matter).</summary>
    public bool Execute { get; init; }
    /// <summary>--no-execute: never run Python cells, whatever the front matter asks (for documents nobody has reviewed).</summary>
    public bool NoExecute { get; init; }
    /// <summary>
    /// --untrusted: every equation in a TeX process of its own (nothing one does reaches another), no equation cache read
    /// or written, Python cells never run (the CLI also sets <see cref="UseCache"/> false and <see cref="NoExecute"/>).
    /// </summary>
    public bool Untrusted { get; init; }
    /// <summary>--refresh: run every Python cell again instead of using the freeze cache (with --execute).</summary>
    public bool RefreshPython { get; init; }
    /// <summary>--python-timeout: how long one Python cell may run.</summary>
    public TimeSpan PythonCellTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>--python-total-timeout: how long one page's Python cells may run in all.</summary>
    public TimeSpan PythonTimeout { get; init; } = TimeSpan.FromSeconds(300);
    /// <summary>Test seam: called after the staging folder is written, before it replaces the output.</summary>
    public Action<string>? BeforeSwap { get; init; }
}
