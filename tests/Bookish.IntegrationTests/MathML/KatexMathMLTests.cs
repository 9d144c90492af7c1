using System.Diagnostics;
using AngleSharp.Html.Parser;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.IntegrationTests.Support;
using Bookish.MathML;
using Bookish.Model;
using Bookish.Publishing;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.MathML;

/// <summary>
/// Each equation's MathML for screen readers comes from Debian's KaTeX run in Jint, with the author's macros, through
/// the cache: what it costs on the paper, what KaTeX rejects there and in the MathJax-style corpus, and that a warm
/// build runs no JavaScript.
/// </summary>
public sealed class KatexMathMLTests(ITestOutputHelper output)
{
    private static (IReadOnlyList<MathFragment> Fragments, MathSettings Settings) Collect(string document)
    {
        var publication = Numbering.Apply(InputReader.Read(document, new DiagnosticBag())!);
        var checks = Bookish.Pipeline.CheckStage.Run(publication);
        return (Bookish.Pipeline.MathStage.Collect(publication, checks), Publisher.MathSettingsFor(publication, new BuildOptions(document), checks.ExtraMacros));
    }

    private static string Realistic => Path.Combine(Repo.Root, "tests", "Bookish.IntegrationTests", "Equations", "Realistic", "equations.md");

    private (MathMLResults Result, TimeSpan Cpu) Timed(Func<MathMLResults> convert, string what)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = convert();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        output.WriteLine($"{what}: {result.Converted} converted, {result.FromCache} from cache, {result.Rejected} rejected; wall {result.Elapsed.TotalMilliseconds:0} ms, CPU {used.TotalMilliseconds:0} ms");
        return (result, used);
    }

    [Fact]
    public void The_papers_equations_become_MathML_once_and_a_warm_build_reads_them_from_the_cache()
    {
        var (fragments, settings) = Collect(Repo.Corpus("matrix-calculus", "article.xml"));
        var cache = Repo.TempDirectory();

        var (cold, _) = Timed(() => MathMLConverter.Convert(fragments, settings, cache), $"paper, cold ({fragments.Count} fragments)");
        var (warm, _) = Timed(() => MathMLConverter.Convert(fragments, settings, cache), "paper, warm");

        foreach (var tex in cold.RejectedTex) output.WriteLine("rejected: " + tex.ReplaceLineEndings(" ")[..Math.Min(160, tex.Length)]);
        output.WriteLine($"MathML bytes: {cold.ByKey.Values.Sum(v => v.Length)}");
        Assert.Equal(fragments.Count, cold.Converted);
        // KaTeX rejects only what is not TeX math it knows: tabular blocks and \includegraphics.
        Assert.All(cold.RejectedTex, t => Assert.True(t.Contains("tabular") || t.Contains("includegraphics"), t));
        Assert.True(cold.ByKey.Count >= fragments.Count - 4, $"{cold.ByKey.Count} of {fragments.Count}");
        Assert.Equal(0, warm.Converted);
        Assert.Equal(fragments.Count, warm.FromCache);
        Assert.Equal(cold.ByKey.Count, warm.ByKey.Count);
        Assert.All(cold.ByKey, kv => Assert.Equal(kv.Value, warm.ByKey[kv.Key]));
    }

    [Fact]
    public void The_MathJax_style_corpus_converts_with_few_rejections()
    {
        var (fragments, settings) = Collect(Realistic);

        var (result, _) = Timed(() => MathMLConverter.Convert(fragments, settings, null), $"realistic corpus ({fragments.Count} fragments)");

        foreach (var tex in result.RejectedTex) output.WriteLine("rejected: " + tex.ReplaceLineEndings(" "));
        Assert.True(fragments.Count >= 150);
        Assert.True(result.Rejected <= fragments.Count / 20, $"{result.Rejected} of {fragments.Count} rejected");
    }

    [Fact]
    public void The_authors_macro_is_expanded_in_the_MathML_and_an_eqnarray_block_is_read_as_rows()
    {
        var (fragments, settings) = Collect(Repo.Corpus("matrix-calculus", "article.xml"));
        var eqnarray = fragments.First(f => f.Mode == MathMode.RawBlock && f.Tex.Contains("eqnarray"));
        var doc = Repo.WriteDocument("""
            ---
            title: Ones
            macros:
              vone: \mathbf{1}
            ---

            The sum $\vone^\top x$ of the entries.
            """);
        var (mine, mySettings) = Collect(doc);

        var result = MathMLConverter.Convert([eqnarray, .. mine], settings with { Preamble = mySettings.Preamble }, null);

        var parser = new HtmlParser();
        var rows = parser.ParseDocument("<body>" + result.ByKey[eqnarray.Key(settings with { Preamble = mySettings.Preamble })] + "</body>");
        Assert.True(rows.QuerySelectorAll("mtr").Length >= 2);
        var ones = parser.ParseDocument("<body>" + result.ByKey[mine[0].Key(settings with { Preamble = mySettings.Preamble })] + "</body>");
        Assert.Contains(ones.QuerySelectorAll("mn, mi"), e => e.TextContent == "1" && e.GetAttribute("mathvariant") == "bold");
        Assert.DoesNotContain("vone", ones.Body!.InnerHtml);
    }

    [Fact]
    public async Task A_deeply_nested_equation_gets_no_MathML_and_never_crashes_the_process()
    {
        // Each JavaScript call is a dozen .NET frames in Jint: on a thread-pool stack this input overflowed the stack
        // (the test host crashed) before Jint's recursion limit could answer.
        var depth = 20000;
        var doc = Repo.WriteDocument("---\ntitle: Deep\n---\n\nDeep $" + new string('{', depth) + "x" + new string('}', depth) + "$ and shallow $a+b$.\n");
        var (fragments, settings) = Collect(doc);

        var result = await Task.Run(() => MathMLConverter.Convert(fragments, settings, null));

        Assert.Contains(fragments, f => f.Tex.StartsWith(new string('{', 100), StringComparison.Ordinal));
        Assert.Contains("<math", result.ByKey[fragments.Single(f => f.Tex == "a+b").Key(settings)]);
    }

    [Fact]
    public void Node_and_Jint_give_the_same_MathML_and_Node_is_the_fast_path()
    {
        // The launcher installs Debian's nodejs: the batch goes through V8, with Jint as the fallback. Same KaTeX file,
        // same options, same strings.
        Assert.True(KatexNode.IsInstalled, "node and libjs-katex are installed by the launcher");
        var (fragments, settings) = Collect(Realistic);
        var definitions = MathMLConverter.MacroDefinitions(settings.Preamble);
        var items = fragments.Where(f => f.Mode != MathMode.RawBlock).Select(f => (f.Tex, f.Mode != MathMode.Inline)).ToList();

        var clock = Stopwatch.StartNew();
        var node = KatexNode.ConvertAll(items, definitions);
        var nodeTime = clock.Elapsed;
        clock.Restart();
        var jint = items.Select(i => KatexEngine.Shared.Convert(i.Tex, i.Item2, definitions)).ToArray();
        output.WriteLine($"{items.Count} equations: Node {nodeTime.TotalMilliseconds:0} ms (one process), Jint {clock.Elapsed.TotalMilliseconds:0} ms");

        Assert.NotNull(node);
        Assert.Equal(jint, node);
        Assert.True(node!.Count(m => m is not null) > items.Count - 10);
    }

    [Fact]
    public async Task A_node_started_before_its_equations_converts_them_once_and_an_unused_one_is_stopped_and_removed()
    {
        // The build starts Node before reading the document; the batch arrives later, moved into its folder whole.
        var items = new List<(string, bool)> { ("x^2 + \\alpha", false), ("\\frac{a}{b}", true), ("\\badcommand{", false) };
        string?[]? first;
        string usedFolder;
        using (var run = KatexNode.NodeRun.Start())
        {
            Assert.NotNull(run);
            usedFolder = run!.WorkFolder;
            await Task.Delay(300); // KaTeX loaded meanwhile; Node waits
            first = run!.Convert(items, []);
            Assert.Null(run.Convert(items, [])); // one batch per process
        }
        Assert.NotNull(first);
        Assert.Contains("<mi>x</mi>", first![0]);
        Assert.Contains("<mfrac>", first[1]);
        Assert.Null(first[2]);
        Assert.Equal(KatexNode.ConvertAll(items, []), first);

        // Never given a batch (everything came from the cache): told to stop, gone quickly, its folder removed.
        var clock = Stopwatch.StartNew();
        string unusedFolder;
        using (var unused = KatexNode.NodeRun.Start())
        {
            Assert.NotNull(unused);
            unusedFolder = unused!.WorkFolder;
            Assert.True(Directory.Exists(unusedFolder));
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopping an unused Node took {clock.Elapsed}");
        // (Other tests of this process may be building at the same time: only these two folders are looked for.)
        await Bookish.Security.TempFolders.SettleAsync();
        Assert.False(Directory.Exists(usedFolder));
        Assert.False(Directory.Exists(unusedFolder));
        Assert.StartsWith(Bookish.Security.TempFolders.Root, unusedFolder);
    }
}
