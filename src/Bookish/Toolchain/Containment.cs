using System.Text.RegularExpressions;

namespace Bookish.Toolchain;

/// <summary>Rejects fragments that reach for files, the shell or category codes before TeX ever sees them.</summary>
internal static partial class Containment
{
    [GeneratedRegex(@"\\(input|include|includeonly|openin|openout|write|immediate|read|readline|catcode|csname|endcsname|special|pdfobj|pdfliteral|pdffiledump|pdfinclusion|pdfximage|directlua|scantokens|newread|newwrite|closein|closeout|usepackage|RequirePackage|documentclass|makeatletter|lowercase|uppercase|string|expandafter|shipout|dump|stop|pdfprimitive|primitive|everyeof|everyjob|pdfmdfivesum|pdffilesize|pdffilemoddate|endinput|enddocument|output)(?![a-zA-Z])|\\end\s*\{\s*document\s*\}|\\end(?![a-zA-Z])(?!\s*\{)")]
    private static partial Regex Forbidden();

    [GeneratedRegex(@"\^\^[0-9a-fA-F]{2}|\^\^[@-_]")] private static partial Regex CaretEscape();

    /// <summary>The first forbidden primitive in <paramref name="tex"/>, or null when the fragment is safe to run.</summary>
    public static string? FindForbidden(string tex)
    {
        var m = Forbidden().Match(tex);
        if (m.Success) return m.Value;
        var c = CaretEscape().Match(tex);
        return c.Success ? c.Value : null;
    }
}
