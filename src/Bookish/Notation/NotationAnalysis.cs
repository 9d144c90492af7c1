using System.Collections.Immutable;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Notation;

/// <summary>The math of a document tokenized once, with where each declared entry is used.</summary>
internal sealed class NotationAnalysis
{
    public NotationAnalysis(Document document, NotationSet notation)
    {
        Macros = document.Metadata.Macros.Concat(notation.Macros)
            .GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
        Occurrences = MathWalker.All(document);
        Canon = Occurrences.Select(o => TexCanon.Tokens(o.Tex, Macros)).ToList();
        Symbols = notation.Entries.Select(e => TexCanon.Tokens(e.Symbol, Macros)).ToList();
        Keys = Symbols.Select(TexCanon.Key).ToList();
        FirstUse = new (int Occurrence, int Token)?[notation.Entries.Length];
        var forms = Symbols.Select(Forms).ToList();
        for (var o = 0; o < Occurrences.Count; o++)
            for (var e = 0; e < Symbols.Count; e++)
                if (FirstUse[e] is null && forms[e].SelectMany(f => SymbolPattern.Matches(Canon[o], f)).DefaultIfEmpty(-1).Min() is var t and >= 0)
                    FirstUse[e] = (o, t);
    }

    /// <summary>The symbol and its variants in other forms (<c>ec{x}</c> for <c>\mathbf{x}</c>): a variant is still a use
    /// (reported by the form rule), so the entry is not unused.</summary>
    private static List<List<CanonToken>> Forms(List<CanonToken> symbol)
    {
        var forms = new List<List<CanonToken>> { symbol };
        if (SymbolPattern.Styled(symbol) is var (command, argument))
            foreach (var other in SymbolPattern.Family(command).Where(c => c != command))
                forms.Add([new CanonToken(other, 0, 0, TexContext.Math), .. argument]);
        return forms;
    }

    public Dictionary<string, MacroDefinition> Macros { get; }
    public List<MathOccurrence> Occurrences { get; }
    /// <summary>Canonical tokens per occurrence.</summary>
    public List<List<CanonToken>> Canon { get; }
    /// <summary>Canonical tokens and keys per entry, in declaration order.</summary>
    public List<List<CanonToken>> Symbols { get; }
    public List<string> Keys { get; }
    public (int Occurrence, int Token)?[] FirstUse { get; }

    public SourceSpan SpanOf(int occurrence, int token, SourceText? source)
    {
        var t = Canon[occurrence][token];
        return Occurrences[occurrence].Locator(source).Span(t.Start, t.End);
    }
}
