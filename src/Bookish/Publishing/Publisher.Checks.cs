using Bookish.Calculus;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Html;
using Bookish.Model;
using Bookish.Notation;
using Bookish.Plots;
using Bookish.Text;

namespace Bookish.Publishing;

/// <summary>What the checks over the model give the writers: notation, derivative verdicts, plot drawings.</summary>
internal sealed record CheckOutcome
{
    public Dictionary<string, NotationResult> Notation { get; } = [];
    public List<MacroDefinition> ExtraMacros { get; } = [];
    public Dictionary<string, HtmlBadge> Badges { get; } = [];
    public Dictionary<string, string> PlotSvgs { get; } = [];
    public Dictionary<string, byte[]> PlotPdfs { get; } = [];
    public Dictionary<string, IReadOnlyList<NotationRow>> NotationRows { get; } = [];
    public Dictionary<string, Dictionary<(int, int), string>> InlineAnchors { get; } = [];
    public int ChecksVerified { get; set; }
    public int ChecksRefuted { get; set; }
    public int ChecksNotCheckable { get; set; }
}

public static partial class Publisher
{
    /// <summary>Notation (declarations, lint, table rows), derivative check blocks, and plots, for every page.</summary>
    /// <param name="lintAlways">
    /// <c>bookish check</c> lints every document; a build lints only documents that opt in (front matter
    /// <c>notation:</c> or <c>lint:</c>), so building a legacy document does not bury its output in style advice.
    /// </param>
    internal static CheckOutcome RunChecks(Publication publication, DiagnosticBag diagnostics, bool lintAlways = false)
    {
        var outcome = new CheckOutcome();
        // A book's notation and macros (its index page's) apply in every chapter; unused declarations are counted book-wide.
        var book = publication.IsBook ? publication.Pages.FirstOrDefault(p => p.PageName == "index") : null;
        var bookNotation = NotationSet.Empty;
        var linted = new List<(Document, NotationResult)>();
        static bool OptsIn(Document d) => d.Metadata.Raw.ContainsKey("notation") || d.Metadata.Raw.ContainsKey("lint");
        foreach (var page in book is null ? publication.Pages : [book, .. publication.Pages.Where(p => !ReferenceEquals(p, book))])
        {
            var source = File.Exists(page.SourcePath) && page.SourcePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? SourceText.FromFile(page.SourcePath) : null;
            var lint = lintAlways || OptsIn(page) || (book is not null && OptsIn(book));
            var notation = BookNotation.Run(page, book, bookNotation, lint, diagnostics, source);
            if (ReferenceEquals(page, book)) bookNotation = notation.Notation;
            if (lint) linted.Add((page, notation));
            outcome.Notation[page.PageName] = notation;
            foreach (var m in notation.Notation.MacrosBeyond(publication.Metadata))
                if (outcome.ExtraMacros.All(x => x.Name != m.Name)) outcome.ExtraMacros.Add(m);

            var anchors = new Dictionary<(int, int), string>();
            outcome.InlineAnchors[page.PageName] = anchors;
            outcome.NotationRows[page.PageName] = NotationTable.Rows(book is null ? page : BookNotation.InChapter(page, book), notation.Notation, span =>
            {
                var id = $"use-{span.Line}-{span.Column}";
                anchors[(span.Line, span.Column)] = id;
                return id;
            });

            var layout = page.Metadata.Raw.GetValueOrDefault("layout")?.ToString() ?? "numerator";
            var context = CheckContext.Default with
            {
                DefaultLayout = layout,
                Macros = [.. page.Metadata.Macros, .. notation.Notation.Macros.Where(m => page.Metadata.Macros.All(d => d.Name != m.Name))],
            };
            var declared = NotationDeclarations.DeclareText(notation.Notation);
            if (!string.IsNullOrWhiteSpace(declared)) context = context.WithDeclarations(declared);
            foreach (var block in ModelWalker.Blocks(page))
            {
                switch (block)
                {
                    case CheckBlock c:
                        context = Check(c, context, outcome, diagnostics);
                        break;
                    case Figure { PlotSource: { } plot } f:
                        Plot(f, plot, context, outcome, diagnostics);
                        break;
                }
            }
        }
        if (book is not null) diagnostics.AddRange(BookNotation.Unused(linted, book));
        return outcome;
    }

    private static CheckContext Check(CheckBlock c, CheckContext context, CheckOutcome outcome, DiagnosticBag diagnostics)
    {
        // The block's text starts on the line after the opening fence.
        var first = c.Span with { Line = c.Span.Line + 1, Column = 1, EndLine = c.Span.Line + 1, EndColumn = 1 };
        var verdict = DerivativeChecker.CheckBlock(c.Source, first, context);
        diagnostics.AddRange(verdict.Diagnostics);
        var v = verdict.Verdict;
        switch (v.Kind)
        {
            case VerdictKind.Verified: outcome.ChecksVerified++; break;
            case VerdictKind.Refuted: outcome.ChecksRefuted++; break;
            default: outcome.ChecksNotCheckable++; break;
        }
        var (kind, label) = v.Kind switch
        {
            VerdictKind.Verified => ("verified", "✓ verified numerically"),
            VerdictKind.Refuted => ("refuted", "✗ refuted"),
            _ => ("not-checkable", "not checkable"),
        };
        outcome.Badges[c.Id] = new HtmlBadge(kind, label, v.ToString())
        {
            ContextDeclare = string.Join(", ", context.Declarations),
            ContextDefine = string.Join("; ", context.Definitions),
            Layout = context.DefaultLayout,
            ContextMacros = context.Macros.Count == 0 ? "" : System.Text.Json.JsonSerializer.Serialize(context.Macros.Select(m => new { name = m.Name, body = m.Body, args = m.Arguments })),
        };
        return verdict.Context;
    }

    private static void Plot(Figure f, string source, CheckContext context, CheckOutcome outcome, DiagnosticBag diagnostics)
    {
        var local = new List<Diagnostic>();
        // One evaluation budget for the whole plot: an expensive function stops sampling with a warning.
        var budget = new EvalBudget(EvalBudget.PlotSteps);
        using var scope = EvalBudget.Replace(budget);
        var spec = PlotSpec.Parse(source, f.Span, local);
        if (spec.Define.Length > 0) context = context.WithDefinitions(spec.Define);
        var functions = new List<Func<double, double>>();
        foreach (var fn in spec.Functions)
        {
            var compiled = DerivativeChecker.CompileScalarFunction(fn.Tex, "x", context, out var error);
            if (compiled is null) local.Add(Diagnostic.Error(DiagnosticIds.PlotError, f.Span, $"cannot plot '{fn.Tex}': {error}"));
            else functions.Add(compiled);
        }
        diagnostics.AddRange(local);
        if (functions.Count != spec.Functions.Length || local.Any(d => d.IsError)) return;
        PlotSampler.Stopped = false;
        var data = PlotData.Create(spec, functions);
        if (PlotSampler.Stopped && !budget.Exhausted)
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PlotBudget, f.Span,
                $"plot stopped refining a curve at {PlotSampler.MaxSamples:N0} samples (it is not smooth at any scale); the drawing may miss detail"));
        if (budget.Exhausted)
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PlotBudget, f.Span,
                $"plot stopped sampling after {budget.Limit:N0} evaluation steps (the function is too expensive); the curves are incomplete"));
        outcome.PlotSvgs[f.Id] = PlotRenderer.Svg(data);
        outcome.PlotPdfs[f.Id] = PlotRenderer.Pdf(data);
    }
}
