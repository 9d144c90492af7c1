using Bookish.Model;
using Bookish.Text;

namespace Bookish.Notation;

internal static partial class NotationLint
{
    /// <summary>Control words that LaTeX, amsmath, amssymb, bm, the document's macros and the notation do not define,
    /// nor the fragment itself (<c>\newcommand</c>, <c>\DeclareMathOperator</c>).</summary>
    internal static IEnumerable<TexFinding> UndefinedMacros(List<TexToken> tokens, IReadOnlySet<string> defined)
    {
        var local = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != TexTokenKind.Command || !TexCommands.Definers.Contains(t.Text)) continue;
            var j = i + 1;
            while (j < tokens.Count && tokens[j].Kind is TexTokenKind.Space or TexTokenKind.Open) j++;
            if (j < tokens.Count && tokens[j].Kind == TexTokenKind.Command) local.Add(tokens[j].Text);
        }
        foreach (var t in tokens)
        {
            if (t.Kind != TexTokenKind.Command || t.Context == TexContext.Raw) continue;
            if (TexCommands.IsKnown(t.Text) || defined.Contains(t.Text) || local.Contains(t.Text)) continue;
            if (TexCommands.OtherPackages.TryGetValue(t.Text, out var package))
            {
                yield return new TexFinding(t.Start, t.End, t.Text, package.Replacement,
                    $"undefined macro {t.Text}: it comes from the {package.Package} package, which the shared preamble does not load"
                    + (package.Replacement is { } r ? $"; write {r}" : "; define it in 'macros:' or write it another way"));
                continue;
            }
            var near = Nearest(t.Text, defined);
            yield return new TexFinding(t.Start, t.End, t.Text, near,
                $"undefined macro {t.Text}" + (near is null ? "; define it in 'macros:' or the notation" : $"; did you mean {near}?"));
        }
    }

    private static string? Nearest(string name, IReadOnlySet<string> defined)
    {
        var limit = name.Length <= 4 ? 1 : 2;
        return TexCommands.Known.Concat(defined)
            .Where(c => Math.Abs(c.Length - name.Length) <= limit)
            .Select(c => (Command: c, Distance: Distance(name, c)))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance).ThenBy(x => Math.Abs(x.Command.Length - name.Length)).ThenBy(x => x.Command, StringComparer.Ordinal)
            .Select(x => x.Command).FirstOrDefault();
    }

    /// <summary>Edit distance counting a swap of neighbours as one edit (<c>\alpah</c> is one from <c>\alpha</c>).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    /// <summary>A declared <c>\mathbf{x}</c> written <c>\vec{x}</c>, <c>\boldsymbol{x}</c> or <c>\bm{x}</c> (and
    /// <c>\mathcal</c>/<c>\mathscr</c>); the fix is the declared form, or its macro.</summary>
    private static IEnumerable<TexFinding> OtherForms(NotationAnalysis analysis, int occurrence, NotationSet notation)
    {
        var fragment = analysis.Canon[occurrence];
        var declared = new HashSet<string>(analysis.Keys, StringComparer.Ordinal);
        var reported = new HashSet<int>();
        for (var e = 0; e < notation.Entries.Length; e++)
        {
            if (SymbolPattern.Styled(analysis.Symbols[e]) is not var (command, argument)) continue;
            var entry = notation.Entries[e];
            var fix = entry.Macro is { } m ? "\\" + m : entry.Symbol;
            foreach (var other in SymbolPattern.Family(command))
            {
                if (other == command) continue;
                var variant = new List<CanonToken> { new(other, 0, 0, TexContext.Math) };
                variant.AddRange(argument);
                if (declared.Contains(TexCanon.Key(variant))) continue;
                foreach (var i in SymbolPattern.Matches(fragment, variant))
                {
                    var first = fragment[i];
                    var last = fragment[i + variant.Count - 1];
                    if (first.FromMacro || !reported.Add(i)) continue;
                    yield return new TexFinding(first.Start, last.End, other, fix,
                        $"'{entry.Symbol}' ({entry.Meaning}) is declared in the notation but written with {other}; write {fix}");
                }
            }
        }
    }

    private static IEnumerable<(SourceSpan Span, string Message)> Duplicates(Document document, NotationSet notation, NotationAnalysis analysis)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var e = 0; e < notation.Entries.Length; e++)
        {
            var entry = notation.Entries[e];
            if (!first.TryGetValue(analysis.Keys[e], out var f)) { first[analysis.Keys[e]] = e; continue; }
            var earlier = notation.Entries[f];
            if (!Same(earlier.Meaning, entry.Meaning))
                yield return (entry.Span, $"'{entry.Symbol}' is declared twice with different meanings: '{earlier.Meaning}'{Where(earlier.Span)} and '{entry.Meaning}'");
        }
        var macros = new Dictionary<string, NotationEntry>(StringComparer.Ordinal);
        foreach (var entry in notation.Entries)
        {
            if (entry.Macro is not { } name) continue;
            if (macros.TryGetValue(name, out var earlier) && TexCanon.Key(earlier.Symbol) != TexCanon.Key(entry.Symbol))
                yield return (entry.Span, $"macro \\{name} stands for both '{earlier.Symbol}'{Where(earlier.Span)} and '{entry.Symbol}'");
            else if (document.Metadata.Macros.FirstOrDefault(m => m.Name == name) is { } doc && TexCanon.Key(doc.Body) != TexCanon.Key(entry.Symbol))
                yield return (entry.Span, $"macro \\{name} is defined in 'macros:' as '{doc.Body}' but the notation makes it '{entry.Symbol}'");
            macros.TryAdd(name, entry);
        }
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Where(SourceSpan span) => span.IsNone ? "" : $" (line {span.Line})";

    /// <summary>Strict mode: bold letters and single Greek letters used in math but not declared; once per symbol.</summary>
    private static IEnumerable<(int Occurrence, TexFinding Finding)> Undeclared(NotationAnalysis analysis, NotationSet notation)
    {
        var declared = new HashSet<string>(analysis.Keys, StringComparer.Ordinal);
        foreach (var symbol in analysis.Symbols)
            if (SymbolPattern.Styled(symbol) is var (command, argument))
                foreach (var other in SymbolPattern.Family(command))
                    declared.Add(other + " " + TexCanon.Key(argument));
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var o = 0; o < analysis.Occurrences.Count; o++)
        {
            var fragment = analysis.Canon[o];
            var covered = new bool[fragment.Count];
            foreach (var symbol in analysis.Symbols)
                foreach (var i in SymbolPattern.Matches(fragment, symbol))
                    for (var k = 0; k < symbol.Count; k++) covered[i + k] = true;
            for (var i = 0; i < fragment.Count; i++)
            {
                var t = fragment[i];
                if (covered[i] || t.Context != TexContext.Math) continue;
                List<CanonToken>? candidate = null;
                if (TexCommands.BoldFamily.Contains(t.Text) && i + 3 < fragment.Count && fragment[i + 1].Text == "{" && fragment[i + 3].Text == "}"
                    && (fragment[i + 2].Text.Length == 1 && char.IsAsciiLetter(fragment[i + 2].Text[0]) || TexCommands.Greek.Contains(fragment[i + 2].Text)))
                    candidate = fragment.GetRange(i, 4);
                else if (TexCommands.Greek.Contains(t.Text))
                    candidate = [t];
                if (candidate is null) continue;
                var key = TexCanon.Key(candidate);
                if (declared.Contains(key) || !reported.Add(key)) continue;
                var text = candidate.Count == 1 ? candidate[0].Text : $"{candidate[0].Text}{{{candidate[2].Text}}}";
                yield return (o, new TexFinding(candidate[0].Start, candidate[^1].End, text, null, $"'{text}' is used but not declared in the notation"));
            }
        }
    }
}
