using System.Collections.Immutable;
using Bookish.Calculus;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Notation;
using Bookish.Plots;
using Bookish.Security;
using Bookish.Text;
using Bookish.Toolchain;

namespace Bookish.Pipeline;

/// <summary>
/// Stage 3: the checks over the model, before any TeX runs: notation (declarations, lint, table rows; its macros join
/// the preamble), derivative check blocks, plots, raw LaTeX's early containment list, and the bibliography.
/// </summary>
internal static class CheckStage
{
    /// <param name="lintAlways">
    /// <c>bookish check</c> lints every document; a build lints only documents that opt in (front matter
    /// <c>notation:</c> or <c>lint:</c>), so building a legacy document does not bury its output in style advice.
    /// </param>
    public static CheckResults Run(Publication publication, bool lintAlways = false) =>
        DeepStack.Run(() => RunDeep(publication, lintAlways));

    private static CheckResults RunDeep(Publication publication, bool lintAlways)
    {
        var diagnostics = new DiagnosticBag();
        var notationByPage = ImmutableDictionary.CreateBuilder<string, NotationResult>();
        var extraMacros = ImmutableArray.CreateBuilder<MacroDefinition>();
        var verdicts = ImmutableDictionary.CreateBuilder<string, CheckVerdict>();
        var plots = ImmutableDictionary.CreateBuilder<string, PlotDrawing>();
        var rows = ImmutableDictionary.CreateBuilder<string, IReadOnlyList<NotationRow>>();
        var anchorsByPage = ImmutableDictionary.CreateBuilder<string, IReadOnlyDictionary<(int, int), string>>();

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
            notationByPage[page.PageName] = notation;
            foreach (var m in notation.Notation.MacrosBeyond(publication.Metadata))
                if (extraMacros.All(x => x.Name != m.Name)) extraMacros.Add(m);

            var anchors = new Dictionary<(int, int), string>();
            rows[page.PageName] = NotationTable.Rows(book is null ? page : BookNotation.InChapter(page, book), notation.Notation, span =>
            {
                var id = $"use-{span.Line}-{span.Column}";
                anchors[(span.Line, span.Column)] = id;
                return id;
            });
            anchorsByPage[page.PageName] = anchors;

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
                        var (verdict, next) = Check(c, context, diagnostics);
                        verdicts[c.Id] = verdict;
                        context = next;
                        break;
                    case Figure { Generated: { } made } f:
                        plots[f.Id] = new PlotDrawing(made.Svg, made.Pdf);
                        break;
                    case Figure { PlotSource: { } plot } f:
                        if (Plot(f, plot, context, diagnostics) is { } drawing) plots[f.Id] = drawing;
                        break;
                }
            }
        }
        if (book is not null) diagnostics.AddRange(BookNotation.Unused(linted, book));
        ReportForbiddenRawLatex(publication, diagnostics);
        var bibliography = Citations.Bibliography.For(publication, diagnostics);
        return new CheckResults(notationByPage.ToImmutable(), extraMacros.ToImmutable(), verdicts.ToImmutable(), plots.ToImmutable(),
            rows.ToImmutable(), anchorsByPage.ToImmutable(), bibliography, diagnostics.ToList());
    }

    private static (CheckVerdict Verdict, CheckContext Next) Check(CheckBlock c, CheckContext context, DiagnosticBag diagnostics)
    {
        // The block's text starts on the line after the opening fence.
        var first = c.Span with { Line = c.Span.Line + 1, Column = 1, EndLine = c.Span.Line + 1, EndColumn = 1 };
        var result = DerivativeChecker.CheckBlock(c.Source, first, context);
        diagnostics.AddRange(result.Diagnostics);
        var verdict = new CheckVerdict(result.Verdict, string.Join(", ", context.Declarations), string.Join("; ", context.Definitions), context.DefaultLayout,
            context.Macros.Count == 0 ? "" : System.Text.Json.JsonSerializer.Serialize(context.Macros.Select(m => new Calculus.MacroJson(m.Name, m.Body, m.Arguments)).ToList(), Calculus.CheckerJsonContext.Default.ListMacroJson));
        return (verdict, result.Context);
    }

    private static PlotDrawing? Plot(Figure f, string source, CheckContext context, DiagnosticBag diagnostics)
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
        if (functions.Count != spec.Functions.Length || local.Any(d => d.IsError)) return null;
        PlotSampler.Stopped = false;
        var data = PlotData.Create(spec, functions);
        if (PlotSampler.Stopped && !budget.Exhausted)
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PlotBudget, f.Span,
                $"plot stopped refining a curve at {PlotSampler.MaxSamples:N0} samples (it is not smooth at any scale); the drawing may miss detail"));
        if (budget.Exhausted)
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PlotBudget, f.Span,
                $"plot stopped sampling after {budget.Limit:N0} evaluation steps (the function is too expensive); the curves are incomplete"));
        // Both drawings are made for the figure's final width, so their text keeps its size in a narrow figure.
        var widthFraction = f.WidthFraction > 0 ? f.WidthFraction : f.Side ? 0.45 : 1;
        return new PlotDrawing(PlotRenderer.Svg(data, widthFraction), PlotRenderer.Pdf(data, widthFraction));
    }

    /// <summary>Raw LaTeX blocks for the PDF go through the same early containment list as equations (the lockdown still holds behind it).</summary>
    private static void ReportForbiddenRawLatex(Publication publication, DiagnosticBag diagnostics)
    {
        foreach (var page in publication.Pages)
            foreach (var raw in ModelWalker.Blocks(page).OfType<RawBlock>().Where(r => r.Format == "latex"))
                if (Containment.FindForbidden(raw.Text) is { } bad)
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.ForbiddenPrimitive, raw.Span, $"'{bad}' is not allowed in raw LaTeX: it could read or write files, ship pages or end the PDF early"));
    }
}
