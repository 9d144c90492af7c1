using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Notation;

/// <summary>
/// The notation lint, run over the model before TeX: italic operator names (BK5001), declared symbols written in another
/// form (BK5002), symbols declared twice with different meanings (BK5003), entries never used (BK5004), symbols used but
/// not declared in strict mode (BK5005) and undefined macros (BK5006). Each diagnostic points at the offending text
/// itself; pass the document's <see cref="SourceText"/> for exact columns in multi-line display math and block quotes.
/// </summary>
internal static partial class NotationLint
{
    public static IReadOnlyList<Diagnostic> Run(Document document, NotationSet notation, LintOptions options, SourceText? source = null)
    {
        var analysis = new NotationAnalysis(document, notation);
        var found = new List<Diagnostic>();
        void Add(DiagnosticDescriptor id, SourceSpan span, string message, string? replacement = null)
        {
            if (options.SeverityOf(id) is { } severity)
                found.Add(new Diagnostic(id, severity, message, span) { Replacement = replacement });
        }

        var defined = new HashSet<string>(analysis.Macros.Keys.Select(k => "\\" + k), StringComparer.Ordinal);
        for (var o = 0; o < analysis.Occurrences.Count; o++)
        {
            var occurrence = analysis.Occurrences[o];
            if (!occurrence.Checkable) continue;
            var tokens = TexTokenizer.Tokenize(occurrence.Tex);
            var locator = occurrence.Locator(source);
            if (options.SeverityOf(DiagnosticIds.ItalicOperator) is not null)
                foreach (var f in ItalicOperators.Find(tokens))
                    Add(DiagnosticIds.ItalicOperator, locator.Span(f.Start, f.End), f.Message, f.Replacement);
            if (options.SeverityOf(DiagnosticIds.UndefinedMacro) is not null)
                foreach (var f in UndefinedMacros(tokens, defined))
                    Add(DiagnosticIds.UndefinedMacro, locator.Span(f.Start, f.End), f.Message, f.Replacement);
            if (options.SeverityOf(DiagnosticIds.NotationForm) is not null)
                foreach (var f in OtherForms(analysis, o, notation))
                    Add(DiagnosticIds.NotationForm, locator.Span(f.Start, f.End), f.Message, f.Replacement);
        }
        if (options.SeverityOf(DiagnosticIds.NotationDuplicate) is not null)
            foreach (var (span, message) in Duplicates(document, notation, analysis))
                Add(DiagnosticIds.NotationDuplicate, span, message);
        if (options.SeverityOf(DiagnosticIds.NotationUnused) is not null)
            for (var e = 0; e < notation.Entries.Length; e++)
                if (analysis.FirstUse[e] is null && analysis.Keys.IndexOf(analysis.Keys[e]) == e)
                {
                    var entry = notation.Entries[e];
                    Add(DiagnosticIds.NotationUnused, entry.Span, $"notation entry '{entry.Symbol}' ({entry.Meaning}) is never used in the math");
                }
        if (options.SeverityOf(DiagnosticIds.NotationUndeclared) is not null)
            foreach (var (o, f) in Undeclared(analysis, notation))
                Add(DiagnosticIds.NotationUndeclared, analysis.Occurrences[o].Locator(source).Span(f.Start, f.End), f.Message);

        return found.OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The italic-operator rule alone, over one TeX string (offsets into it).</summary>
    internal static IReadOnlyList<TexFinding> ItalicOperatorsIn(string tex) => ItalicOperators.Find(tex);
}
