namespace Bookish.Equations;

/// <summary>Frozen settings for rendering the math of one document.</summary>
public sealed record MathSettings
{
    /// <summary>Packages and macros, the same text the PDF writer puts in its preamble.</summary>
    public string Preamble { get; init; } = Equations.Preamble.Base;
    /// <summary>Preamble lines the author wrote (packages, macros) and where: TeX errors in them are reported there, once.</summary>
    public System.Collections.Immutable.ImmutableDictionary<string, Text.SourceSpan> PreambleOrigins { get; init; } =
        System.Collections.Immutable.ImmutableDictionary<string, Text.SourceSpan>.Empty;
    public MathEngine Engine { get; init; } = MathEngine.LatexDvi;
    /// <summary>The TeX installation (see <see cref="TexFormat.ToolchainIdentity"/>): part of every equation's cache key.</summary>
    public string Toolchain { get; init; } = TexFormat.ToolchainIdentity;
    /// <summary>The signature of the renderer's TeX around each fragment (wrapper macros, the <c>\intertext</c> measure): part of every key.</summary>
    public string Renderer { get; init; } = PictureInputs.Renderer;
    /// <summary>TeX font size in pt that equals 1em of the page's body text.</summary>
    public double FontSize { get; init; } = 10;
    /// <summary>How long TeX may work on one fragment without progress before it is stopped (the fragment then fails with BK2003).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Number of TeX batches run at once (default: processor count).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>
    /// Each fragment in a TeX process of its own (from the same dumped format), up to <see cref="Parallelism"/> at once:
    /// nothing one fragment does (a <c>\gdef</c>, a hook, an escape from its group) reaches another (--untrusted).
    /// Not part of the key: a fragment's picture alone is the picture its TeX makes without neighbours.
    /// </summary>
    public bool Isolated { get; init; }
    /// <summary>Folder whose files (images) equations may include; copied into each private work directory.</summary>
    public string? ResourceDirectory { get; init; }
    public string EngineId => Engine switch
    {
        MathEngine.PdfLatexMutool => "pdflatex+mutool",
        MathEngine.LatexDvisvgm => "latex+dvisvgm",
        _ => "latex+bookish-dvi-v2",
    };
}
