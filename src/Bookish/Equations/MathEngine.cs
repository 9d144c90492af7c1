namespace Bookish.Equations;

/// <summary>The toolchain turning TeX into SVG.</summary>
public enum MathEngine
{
    /// <summary>pdflatex with the preview package, then mutool convert to SVG.</summary>
    PdfLatexMutool,
    /// <summary>latex to DVI, then dvisvgm.</summary>
    LatexDvisvgm,
    /// <summary>
    /// latex to DVI, then Bookish's own DVI reader draws each page from the fonts' Type 1 outlines: no converter process
    /// (default: measured fastest). Pages it cannot draw (a font without Type 1 outlines, images other than PNG) fall back to
    /// pdflatex + mutool.
    /// </summary>
    LatexDvi,
}
