using System.Collections.Immutable;
using System.Text;

namespace Bookish.Highlighting;

/// <summary>
/// The colours of highlighted code, one table for both outputs: the page's CSS variables (the generated block at the
/// end of <c>templates/article.css</c>, light and dark) and the PDF's <c>\definecolor</c>s (light) are written from
/// it. Every colour keeps a contrast of at least 4.5:1 on the code background of its scheme (a test measures it).
/// </summary>
internal static class CodePalette
{
    /// <summary>One kind's look: its CSS class suffix (<c>tok-kw</c>), colours (#rrggbb) and whether it is set in italics.</summary>
    public sealed record Style(TokenKind Kind, string Name, string Light, string Dark, bool Italic = false);

    public static readonly ImmutableArray<Style> Styles =
    [
        new(TokenKind.Keyword, "kw", "#a0204a", "#ff8fb3"),
        new(TokenKind.Type, "ty", "#0e6a73", "#5fd4d4"),
        new(TokenKind.Function, "fn", "#5c3ac2", "#c4a7ff"),
        new(TokenKind.Builtin, "bi", "#0a5a8c", "#7fd0ff"),
        new(TokenKind.String, "str", "#0b6118", "#9ee493"),
        new(TokenKind.Escape, "esc", "#b3261e", "#ff9e8a"),
        new(TokenKind.Number, "num", "#9a4a00", "#ffb870"),
        new(TokenKind.Constant, "con", "#0550ae", "#85c1ff"),
        new(TokenKind.Comment, "com", "#636363", "#a9aeb5", Italic: true),
        new(TokenKind.Operator, "op", "#57606a", "#c9ced6"),
        new(TokenKind.Variable, "var", "#8a4b08", "#f0c080"),
        new(TokenKind.Tag, "tag", "#1a5e9e", "#7cc4ff"),
        new(TokenKind.Attribute, "attr", "#7a4a00", "#f0c080"),
        new(TokenKind.Meta, "meta", "#6b4fa0", "#d0b0ff"),
        new(TokenKind.Heading, "head", "#0550ae", "#85c1ff"),
        new(TokenKind.Inserted, "ins", "#116329", "#8ee59a"),
        new(TokenKind.Deleted, "del", "#a40e26", "#ff9a9a"),
    ];

    /// <summary>Background of a highlighted line, and the colour of line numbers.</summary>
    public static readonly (string Light, string Dark) LineHighlight = ("#fbe7a1", "#3d3a1c");
    public static readonly (string Light, string Dark) LineNumber = ("#66666b", "#9a9aa0");

    /// <summary>The code background of each scheme (<c>--code-bg</c> in article.css), against which contrast is kept.</summary>
    public static readonly (string Light, string Dark) Background = ("#f3f1e7", "#24262b");

    private static readonly Dictionary<TokenKind, Style> ByKind = Styles.ToDictionary(s => s.Kind);

    /// <summary>The style of a kind; null for plain text (the page's text colour).</summary>
    public static Style? Of(TokenKind kind) => ByKind.GetValueOrDefault(kind);

    public const string CssBegin = "/* --- code highlighting --- */";
    public const string CssEnd = "/* --- end of code highlighting --- */";

    /// <summary>The block at the end of article.css, from <see cref="CssBegin"/> to <see cref="CssEnd"/> (generated from this table).</summary>
    public static string CssBlock()
    {
        var sb = new StringBuilder();
        sb.Append(CssBegin).Append('\n');
        sb.Append("/* Generated from src/Bookish/Highlighting/CodePalette.cs (BOOKISH_UPDATE_GOLDEN=1 dotnet test tests/Bookish.Tests --filter CodePalette). */\n");
        sb.Append(":root {\n");
        foreach (var s in Styles) sb.Append($"  --code-{s.Name}: {s.Light};\n");
        sb.Append($"  --code-hl: {LineHighlight.Light};\n  --code-ln: {LineNumber.Light};\n}}\n");
        sb.Append("@media (prefers-color-scheme: dark) {\n  :root {\n");
        foreach (var s in Styles) sb.Append($"    --code-{s.Name}: {s.Dark};\n");
        sb.Append($"    --code-hl: {LineHighlight.Dark};\n    --code-ln: {LineNumber.Dark};\n  }}\n}}\n");
        foreach (var s in Styles)
            sb.Append($".tok-{s.Name} {{ color: var(--code-{s.Name});{(s.Italic ? " font-style: italic;" : "")} }}\n");
        sb.Append("pre.code { padding-left: 0; padding-right: 0; }\n");
        sb.Append("pre.code > code { display: block; min-width: max-content; }\n");
        sb.Append("pre.code .line { display: block; padding: 0 1em; }\n");
        sb.Append("pre.code .line.hl { background: var(--code-hl); }\n");
        sb.Append("pre.code .ln { display: inline-block; min-width: 2ch; margin-right: 1.2em; text-align: right; color: var(--code-ln); user-select: none; -webkit-user-select: none; }\n");
        sb.Append("pre.code[data-digits=\"3\"] .ln { min-width: 3ch; }\n");
        sb.Append("pre.code[data-digits=\"4\"] .ln, pre.code[data-digits=\"5\"] .ln { min-width: 5ch; }\n");
        sb.Append("pre.code { tab-size: 4; }\n");
        sb.Append("@media print { pre.code { white-space: pre-wrap; overflow-wrap: anywhere; } pre.code > code { min-width: 0; } }\n");
        sb.Append(CssEnd).Append('\n');
        return sb.ToString();
    }

    /// <summary>The PDF's colour definitions (light scheme) and the token macro the LaTeX writer's code uses.</summary>
    public static IEnumerable<string> LatexDefinitions()
    {
        foreach (var s in Styles) yield return $"\\definecolor{{bookishcode{s.Name}}}{{HTML}}{{{s.Light.TrimStart('#').ToUpperInvariant()}}}";
        yield return $"\\definecolor{{bookishcodehl}}{{HTML}}{{{LineHighlight.Light.TrimStart('#').ToUpperInvariant()}}}";
        yield return $"\\definecolor{{bookishcodeln}}{{HTML}}{{{LineNumber.Light.TrimStart('#').ToUpperInvariant()}}}";
        // A token: its colour (and italics for comments); fvextra may break a long line inside it.
        yield return "\\providecommand{\\bookishtok}[2]{\\textcolor{bookishcode#1}{\\FancyVerbBreakStart#2\\FancyVerbBreakStop}}";
        yield return "\\providecommand{\\bookishtokit}[2]{\\textcolor{bookishcode#1}{\\itshape\\FancyVerbBreakStart#2\\FancyVerbBreakStop}}";
    }
}
