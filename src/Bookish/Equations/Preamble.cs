using System.Collections.Immutable;
using System.Text;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Equations;

/// <summary>The single source of packages and macros shared by the equation renderer and the PDF writer.</summary>
internal static class Preamble
{
    /// <summary>
    /// What math authors use (MathJax's and LaTeX's habits): AMS math and symbols, <c>mathtools</c>, <c>xcolor</c>
    /// (<c>\color</c>, <c>\textcolor</c>, <c>\colorbox</c>), <c>mathrsfs</c> (<c>\mathscr</c>), <c>bm</c>, <c>cancel</c>,
    /// <c>upgreek</c>, and a blackboard one for <c>\mathbb{1}</c> (see <see cref="BlackboardOne"/>).
    /// </summary>
    public const string Base = "\\usepackage{amsmath,amssymb,bm}\n\\usepackage{graphicx}\n\\usepackage{xcolor,mathtools,mathrsfs,cancel,upgreek}\n";

    /// <summary>
    /// <c>\mathbb{1}</c> as MathJax authors mean it (the indicator function's double-struck one; AMS's blackboard font has
    /// no digits and draws a wrong glyph): a roman 1 with a second stem, built from Computer Modern in every math style, so
    /// no extra font (bbm, dsfont) is needed. Other arguments go to AMS's <c>\mathbb</c> as before.
    /// </summary>
    public const string BlackboardOne =
        "\\makeatletter\\newcommand*\\bk@bbone[2]{\\mathord{\\ooalign{$\\m@th#1\\mathrm{1}$\\cr$\\m@th#1\\mkern4mu\\mathrm{l}$\\hidewidth\\cr}}}" +
        "\\def\\bk@bbnil{\\bk@bbnil}\\let\\bk@amsbb\\mathbb\\protected\\def\\mathbb#1{\\bk@bbtest#1\\bk@bbnil\\bk@bbstop{#1}}" +
        "\\def\\bk@bbtest#1#2\\bk@bbstop#3{\\ifx\\bk@bbnil#2\\ifx1#1\\mathpalette\\bk@bbone\\relax\\else\\bk@amsbb{#3}\\fi\\else\\bk@amsbb{#3}\\fi}\\makeatother\n";

    internal static string For(Metadata metadata, IEnumerable<MacroDefinition>? extra = null, string mathFont = "cm")
    {
        var sb = new StringBuilder(Base);
        if (mathFont is "times") sb.Append("\\usepackage{txfonts}\n");
        // Palatino math (Hermann Zapf's Pazo math with URW Palladio) to pair with the page's Palatino-like body; the PDF's
        // text is Palatino too.
        if (mathFont is "palatino") sb.Append("\\usepackage[sc]{mathpazo}\n");
        foreach (var p in metadata.Packages) sb.Append(p.UsePackage).Append('\n');
        sb.Append(BlackboardOne);
        foreach (var m in metadata.Macros.Concat(extra ?? []))
            sb.Append(Define(m)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Each preamble line that comes from the author (a package, a macro) with where it was written.</summary>
    internal static ImmutableDictionary<string, SourceSpan> Origins(Metadata metadata, IEnumerable<MacroDefinition>? extra = null)
    {
        var origins = ImmutableDictionary.CreateBuilder<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var p in metadata.Packages)
            if (p.Span is { } span) origins[p.UsePackage] = span;
        foreach (var m in metadata.Macros.Concat(extra ?? []))
            if (m.Span is { } span) origins[Define(m)] = span;
        return origins.ToImmutable();
    }

    /// <summary><c>\providecommand</c> then <c>\renewcommand</c>: works whether or not the name exists already (\vec).</summary>
    internal static string Define(MacroDefinition m)
    {
        var args = m.Arguments > 0 ? $"[{m.Arguments}]" : "";
        return $"\\providecommand{{\\{m.Name}}}{{}}\\renewcommand{{\\{m.Name}}}{args}{{{m.Body}}}";
    }
}
