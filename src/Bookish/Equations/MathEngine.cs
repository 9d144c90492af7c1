namespace Bookish.Equations;

/// <summary>The toolchain turning TeX into SVG.</summary>
public enum MathEngine
{
    /// <summary>pdflatex with the preview package, then mutool convert to SVG (default: measured fastest).</summary>
    PdfLatexMutool,
    /// <summary>latex to DVI, then dvisvgm.</summary>
    LatexDvisvgm,
}
