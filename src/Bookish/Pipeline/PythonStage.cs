using System.Collections.Immutable;
using System.Text;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Python;
using Bookish.Publishing;
using Bookish.Security;
using Bookish.Text;

namespace Bookish.Pipeline;

/// <summary>What the Python stage gave: the publication with every cell replaced by its code and results, and how many Python processes ran.</summary>
internal sealed record PythonResult(Publication Publication, IReadOnlyList<Diagnostic> Diagnostics, int PythonProcesses, int CellsRun, int CellsFromCache);

/// <summary>
/// Stage 1b, between reading and numbering: Python cells (opt-in: <c>--execute</c> or <c>execute: true</c>) run in one
/// sandboxed process per page, or come from the freeze cache; every cell then becomes ordinary blocks (code, output,
/// tables, figures) and every inline value text, so no writer or check knows about Python.
/// </summary>
internal static class PythonStage
{
    /// <summary>One cell or inline expression of a page, with its request and cache key.</summary>
    internal sealed record Item(Node Node, PythonRequest Request, string Key, bool Enabled);

    public static bool ExecuteRequested(Publication publication, BuildOptions options) =>
        !options.NoExecute && !options.Untrusted && (options.Execute || IsTrue(publication.Metadata.Raw.GetValueOrDefault("execute")) || publication.Pages.Any(p => IsTrue(p.Metadata.Raw.GetValueOrDefault("execute"))));

    private static bool IsTrue(object? value) => value is true || value is string s && s.Trim() is "true" or "yes";

    public static bool HasCells(Publication publication) =>
        publication.Pages.Any(p => ModelWalker.Blocks(p).OfType<PythonCell>().Any() || ModelWalker.Inlines(p).OfType<PythonInline>().Any());

    public static async Task<PythonResult> RunAsync(Publication publication, BuildOptions options, string? cacheFolder, string? outputFolder, bool execute, CancellationToken ct)
    {
        var diagnostics = new DiagnosticBag();
        if (!HasCells(publication)) return new PythonResult(publication, [], 0, 0, 0);
        if (execute) PythonEnvironment.EnsureInstalled();
        var cache = new PythonCache(cacheFolder ?? MathStage.DefaultCacheDirectory);
        var fingerprint = PythonEnvironment.Fingerprint;
        int processes = 0, run = 0, cached = 0;
        var pages = ImmutableArray.CreateBuilder<Document>();
        foreach (var page in publication.Pages)
        {
            var items = Collect(page, fingerprint, options);
            if (items.Count == 0) { pages.Add(page); continue; }
            if (execute) RequirementsCheck(page, diagnostics);
            var results = new Dictionary<Node, PythonReply>(ReferenceEqualityComparer.Instance);
            var saved = 0;
            var groupsToRun = execute
                ? items.Where(i => i.Enabled && (options.RefreshPython || cache.Get(i.Key) is null)).Select(i => i.Request.Group).ToHashSet()
                : [];
            foreach (var item in items.Where(i => i.Enabled && !groupsToRun.Contains(i.Request.Group)))
                if (cache.Get(item.Key) is { } reply)
                {
                    results[item.Node] = reply;
                    saved++;
                }
            if (groupsToRun.Count > 0)
            {
                var toRun = items.Where(i => i.Enabled && groupsToRun.Contains(i.Request.Group)).ToList();
                processes++;
                var outcome = await PythonRunner.RunAsync(toRun.Select(i => i.Request).ToList(), page.BaseDirectory, outputFolder,
                    options.PythonCellTimeout, options.PythonTimeout, ct);
                foreach (var item in toRun)
                {
                    if (outcome.Replies.TryGetValue(item.Request.Id, out var reply))
                    {
                        results[item.Node] = reply;
                        cache.Put(item.Key, reply);
                        run++;
                    }
                    else
                        diagnostics.Add(Diagnostic.Error(DiagnosticIds.PythonNotRun, item.Node.Span, outcome.TimedOut
                            ? $"not run: the page's Python cells took longer than {options.PythonTimeout.TotalSeconds:0} s in all and Python was stopped"
                            : "not run: Python stopped before this cell (an earlier cell did not return within its timeout, or Python exited)"
                              + (outcome.Stderr.Trim() is { Length: > 0 } err ? "; Python said: " + Last(err, 400) : "")));
                }
            }
            else if (execute) cached += saved;
            if (!execute)
            {
                cached += saved;
                foreach (var item in items.Where(i => i.Enabled && !results.ContainsKey(i.Node)))
                    diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PythonNotExecuted, item.Node.Span,
                        "Python cell not executed (build with --execute, or set 'execute: true' in the front matter); showing the code"));
                if (saved > 0)
                    diagnostics.Add(Diagnostic.Create(DiagnosticIds.PythonSavedResults, items[0].Node.Span,
                        $"{saved} Python result(s) on this page are saved from an earlier build with --execute; this build ran no Python"));
            }
            pages.Add(new PythonLowering(page, results, diagnostics).Lower());
        }
        return new PythonResult(publication with { Pages = pages.ToImmutable() }, diagnostics.ToList(), processes, run, cached);
    }

    /// <summary>Every cell and inline value of a page in document order, each keyed by its code and the code before it in its program.</summary>
    internal static List<Item> Collect(Document page, string fingerprint, BuildOptions options)
    {
        var items = new List<Item>();
        var preceding = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        var id = 0;
        void Add(Node node, string group, string code, string kind, string? output, (double, double)? size, bool enabled, bool last = false, bool bookish = false)
        {
            var request = new PythonRequest(++id, group, code, kind, output, (int)Math.Ceiling(options.PythonCellTimeout.TotalSeconds),
                size is { } s ? [s.Item1, s.Item2] : null, $"{page.PageName}-{id}", last, bookish ? "bookish" : null);
            var before = preceding.TryGetValue(group, out var sb) ? sb.ToString() : "";
            items.Add(new Item(node, request with { Salt = PythonCache.Key(fingerprint, group, before, request)[..12] }, PythonCache.Key(fingerprint, group, before, request), enabled));
            if (!enabled) return;
            if (sb is null) preceding[group] = sb = new StringBuilder();
            sb.Append(kind).Append('\n').Append(code).Append('\n').Append(output).Append('\n');
        }
        foreach (var block in ModelWalker.Blocks(page))
        {
            if (block is PythonCell c)
                Add(c, c.Group, c.Code, "cell", c.OutputExpression, c.FigureSize, c.Enabled, c.ShowLastValue, c.BookishValues);
            foreach (var inline in ModelWalker.InlinesOf(block).SelectMany(ModelWalker.Inlines))
                if (inline is PythonInline p) Add(p, p.Group, p.Expression, "expr", null, null, true, bookish: p.BookishValues);
        }
        return items;
    }

    /// <summary>Front matter <c>requirements: [scipy, sympy]</c>: each must be importable by Debian's Python, else BK1503 with the install line.</summary>
    private static void RequirementsCheck(Document page, DiagnosticBag diagnostics)
    {
        var raw = page.Metadata.Raw.GetValueOrDefault("requirements");
        IEnumerable<string> names = raw switch
        {
            string s => s.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries),
            IEnumerable<object?> list => list.Select(o => o?.ToString() ?? ""),
            _ => [],
        };
        foreach (var name in names.Where(n => n.Length > 0))
            if (!PythonEnvironment.HasModule(name))
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.PythonModuleMissing, SourceLocator.Locate(page.SourcePath, "requirements", name),
                    $"the document requires the Python module '{name}', which is not installed; {PythonEnvironment.InstallHint(name)}"));
    }

    private static string Last(string text, int max) => (text.Length <= max ? text : "…" + text[^max..]).ReplaceLineEndings(" ").Trim();
}
