using System.Diagnostics;
using System.Text.RegularExpressions;
using Bookish.Equations;
using Bookish.Text;
using Bookish.Toolchain;
using CliWrap;
using CliWrap.Buffered;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// Issue 14's fragment isolation with real TeX: a fragment that tries to ship a page of its own, by every means found,
/// among good ones (its text hidden in a document macro, as a hostile author would, so the early list never sees it):
/// each good equation's picture is the one it gets in a batch without the bad one; the bad one has no picture, or its
/// own. And the run's token: nothing a fragment can reach (public names, reading ahead, the batch file, the log) shows it.
/// </summary>
public sealed partial class FragmentIsolationTests
{
    private static MathFragment Inline(string tex, int line) => new(tex, MathMode.Inline, [new SourceSpan("doc.md", line, 1, line, 1 + tex.Length)]);

    private static readonly string[] Good = [@"a^2 + b", @"\frac{p}{q}", @"\sqrt{y_1}", @"\sum_k k!"];

    private static MathSettings Settings(MathEngine engine, string sneak) => new()
    {
        Engine = engine,
        Preamble = Preamble.Base + "\n\\newcommand{\\sneak}{" + sneak.Replace("#", "##") + "}\n",
        Parallelism = 1,
    };

    public static TheoryData<string, bool> ShippingMeans => new()
    {
        { @"\shipout\hbox{forged}", true },
        { @"\csname tex_shipout:D\endcsname\hbox{forged}", true },
        { @"\csname @@shipout\endcsname\hbox{forged}", true },
        { @"\afterassignment\shipout\def\x{}\hbox{forged}", true },
        { @"{\aftergroup\shipout}\hbox{forged}", true },
        { @"\vbox{\shipout\hbox{forged}\newpage}", true },
        // The output routine: leave the box, put material on the main list, force a page, come back.
        { @"$\egroup\global\output={\shipout\box255}\hbox{forged}\penalty-10000 \setbox0\hbox\bgroup$", true },
        { @"$\egroup\hbox{forged}\clearpage\hbox{forged}\newpage\setbox0\hbox\bgroup$", false },
        // LaTeX's shipout hooks never run: Bookish ships with the primitive.
        { @"\AddToHook{shipout/before}{\shipout\hbox{forged}}\AddToHook{shipout/after}{\shipout\hbox{forged}}x", false },
        { @"\AtBeginShipout{\shipout\hbox{forged}}x", false },
        // Reading ahead for Bookish's own ship code stops at the end of the fragment's file.
        { @"\long\def\grab#1\typeout#2{\gdef\stolen{#2}}\grab", true },
        { @"\def\eat#1{\eat}\eat", true },
        // The batch file is gone once TeX has it open; the log and DVI are dot files TeX may not read.
        { @"\csname @@input\endcsname math.tex ", true },
        { @"\csname @@input\endcsname .bkmath.log ", true },
    };

    [Theory]
    [MemberData(nameof(ShippingMeans))]
    public async Task A_fragment_shipping_a_page_of_its_own_leaves_its_neighbours_pictures_right(string sneak, bool errs)
    {
        foreach (var engine in new[] { MathEngine.LatexDvi, MathEngine.PdfLatexMutool })
        {
            var settings = Settings(engine, sneak);
            var good = Good.Select((t, i) => Inline(t, i + 1)).ToList();
            var bad = Inline(@"\sneak z", 9);
            var reference = await new TexBatchRenderer().RenderAsync(good, settings);
            Assert.Empty(reference.Diagnostics);
            var mixed = await new TexBatchRenderer().RenderAsync([good[0], good[1], bad, good[2], good[3]], settings);

            foreach (var f in good)
            {
                Assert.True(mixed.Rendered.TryGetValue(f.Key(settings), out var picture), $"{engine}: {f.Tex} lost its picture");
                var expected = reference.Rendered[f.Key(settings)];
                Assert.Equal(expected.Svg, picture!.Svg);
                Assert.Equal(expected.WidthEm, picture.WidthEm, 6);
            }
            Assert.All(mixed.Diagnostics, d => Assert.Equal(9, d.Span.Line));
            if (errs)
            {
                Assert.Contains(mixed.Diagnostics, d => d.Span.Line == 9);
                Assert.False(mixed.Rendered.ContainsKey(bad.Key(settings)), $"{engine}: the bad fragment got a picture");
            }
        }
    }

    [Fact]
    public void Pages_are_assigned_by_the_counts_TeX_wrote_and_a_stray_page_is_its_fragments_error()
    {
        // Bookish's pages carry (i, i); a page shipped by fragment 1 itself carries (-1, 1); fragment 3 shipped none.
        var (pageOf, problems) = TexBatchRenderer.AssignPages([(0, 0), (1, 1), (-1, 1), (2, 2), (4, 4)], 5);
        Assert.Equal([0, null, 3, null, 4], pageOf);
        Assert.Equal([1, 3], problems.Keys.Order());
        // A forged (2, 2) page shipped during fragment 1: the order is broken, neither 1 nor 2 gets a picture, 0 keeps its own.
        var (forged, why) = TexBatchRenderer.AssignPages([(0, 0), (2, 2), (1, 1), (2, 2)], 3);
        Assert.Null(forged[2]);
        Assert.Null(forged[1]);
        Assert.Contains(2, why.Keys);
        Assert.Equal(0, forged[0]);
    }

    [GeneratedRegex(@"^LEAK(.*)$", RegexOptions.Multiline)] private static partial Regex Leak();

    /// <summary>
    /// The batch exactly as Bookish writes it, run by real LaTeX (deleting the batch file when TeX says it has it open,
    /// as Bookish does), with a fragment printing everything public it can reach: the token shows only in Bookish's own
    /// marker lines, never in what the fragment printed.
    /// </summary>
    [Fact]
    public async Task No_public_name_reading_ahead_or_file_shows_a_fragment_the_runs_token()
    {
        var probe = string.Join("", new[] { "input", "shipout", "includegraphics", "bk@igo", "openin", "read", "write", "output", "bkreset", "bkfinish", "bk@denied", "everyeof", "jobname" }
            .Select(n => $@"\typeout{{LEAK{n}:\expandafter\meaning\csname {n}\endcsname}}"))
            + @"\typeout{LEAKout:\the\output}\typeout{LEAKjob:\jobname:\the\inputlineno}\typeout{LEAKevery:\the\everyhbox\the\everymath\the\everypar}";
        var settings = new MathSettings { Engine = MathEngine.LatexDvi, Preamble = Preamble.Base + "\n\\newcommand{\\probe}{" + probe + "}\n" };
        var fragments = new[] { Inline(@"\probe x", 1), Inline(@"y \long\def\grab#1\bkstop{}\grab", 2), Inline(@"\probe z", 3) };
        var token = TexLockdown.NewToken();
        var (format, document) = TexBatchRenderer.Source(fragments, settings, token);
        var work = Directory.CreateTempSubdirectory("bookish-token-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(work, "math.tex"), format + document);
            foreach (var (name, text) in TexBatchRenderer.Files(fragments, settings)) File.WriteAllText(Path.Combine(work, name), text);
            var opened = TexBatchRenderer.OpenedMarker(token);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            // Line-buffered like Bookish's own runs (TeX's output to a pipe is otherwise held back).
            await CliWrap.Cli.Wrap("stdbuf").WithArguments(["-oL", "latex", "-interaction=nonstopmode", "-jobname=" + TexBatchRenderer.Job, "math.tex"]).WithWorkingDirectory(work)
                .WithEnvironmentVariables(new Dictionary<string, string?> { ["openin_any"] = "p", ["openout_any"] = "p", ["max_print_line"] = "10000" })
                .WithStandardOutputPipe(PipeTarget.ToDelegate(line => { if (line.StartsWith(opened, StringComparison.Ordinal)) TexBatchRenderer.ReleaseBatch(work); }))
                .WithValidation(CommandResultValidation.None).ExecuteAsync(cts.Token);
            var log = File.ReadAllText(Path.Combine(work, TexBatchRenderer.Job + ".log"));
            var leaks = Leak().Matches(log).Select(m => m.Value).ToList();
            Assert.True(leaks.Count >= 30, log);
            Assert.All(leaks, l => Assert.DoesNotContain(token, l));
            Assert.Contains("File ended while scanning use of \\grab", log);
            Assert.False(File.Exists(Path.Combine(work, "math.tex")));
            // The third fragment still ran and was shipped by Bookish, after the one that read ahead.
            Assert.Contains($"BKM:{token}:2:", log);
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }
}
