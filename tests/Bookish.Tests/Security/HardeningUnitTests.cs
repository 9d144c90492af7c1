using System.Diagnostics;
using Bookish.Calculus;
using Bookish.Diagnostics;
using Bookish.Reading;
using Bookish.Security;
using Bookish.Text;

namespace Bookish.Tests.Security;

/// <summary>Input limits that turn hostile input into diagnostics: YAML bombs, deep Markdown, expensive or deep claims, stale folders.</summary>
public sealed class HardeningUnitTests
{
    [Fact]
    public void A_billion_laughs_front_matter_is_refused_by_counting_not_expanding()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(0, 8).Select(i =>
            $"{(char)('b' + i)}: &{(char)('b' + i)} [" + string.Join(",", Enumerable.Repeat("*" + (char)('a' + i), 9)) + "]\n"));
        var watch = Stopwatch.StartNew();
        Assert.Contains("more than", YamlLimits.Problem(yaml));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), watch.Elapsed.ToString());
    }

    [Fact]
    public void Ordinary_front_matter_passes_the_limits() =>
        Assert.Null(YamlLimits.Problem("title: Über Ableitungen\nauthors: [Ann, {name: Bob}]\nmacros:\n  vx: \\mathbf{x}\n"));

    [Fact]
    public void Front_matter_nested_500_deep_is_refused() =>
        Assert.Contains("nested deeper", YamlLimits.Problem("title: " + new string('[', 500) + new string(']', 500)));

    [Fact]
    public void Two_hundred_nested_block_quotes_are_BK1024_not_an_exception()
    {
        var bag = new DiagnosticBag();
        var doc = MarkdownReader.Read(new SourceText("q.md", "# Zitate\n\n" + new string('>', 200) + " tief\n"), bag);
        Assert.Empty(doc.Blocks);
        Assert.Contains(bag.ToList(), d => d.Id == DiagnosticIds.InputTooDeep && d.Span.Line == 1);
    }

    [Fact]
    public void Three_nested_ten_thousand_term_sums_are_not_checkable_too_expensive_at_once()
    {
        var watch = Stopwatch.StartNew();
        var v = DerivativeChecker.CheckClaim(@"x \in \mathbb{R}", "",
            @"\frac{d}{dx} \sum_{i=1}^{10000} \sum_{j=1}^{10000} \sum_{k=1}^{10000} x = 1000000000000");
        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Contains("too expensive", v.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public void One_ten_thousand_term_sum_is_still_checked()
    {
        var v = DerivativeChecker.CheckClaim(@"x \in \mathbb{R}", "", @"\frac{d}{dx} \sum_{i=1}^{10000} i x = 50005000");
        Assert.Equal(VerdictKind.Verified, v.Kind);
    }

    [Theory]
    [InlineData(100_000, "-")]
    [InlineData(20_000, "(")]
    [InlineData(20_000, @"\sqrt{")]
    public void Deep_or_long_claims_are_not_checkable_not_a_stack_overflow(int count, string piece)
    {
        var closing = piece switch { "(" => ")", @"\sqrt{" => "}", _ => "" };
        var claim = @"\frac{d}{dx} " + string.Concat(Enumerable.Repeat(piece, count)) + "x" + string.Concat(Enumerable.Repeat(closing, count)) + " = 1";
        var v = DeepStack.Run(() => DerivativeChecker.CheckClaim(@"x \in \mathbb{R}", "", claim));
        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
    }

    [Fact]
    public void A_plot_budget_stops_an_expensive_function()
    {
        var budget = new EvalBudget(100_000);
        using (EvalBudget.Replace(budget))
        {
            var f = DerivativeChecker.CompileScalarFunction(@"\sum_{i=1}^{1000} \sin(x + i)", "x", CheckContext.Default, out var error);
            Assert.NotNull(f);
            var values = Enumerable.Range(0, 1000).Select(i => f!(i / 1000.0)).ToList();
            Assert.Contains(values, double.IsNaN);
        }
        Assert.True(budget.Exhausted);
    }

    [Fact]
    public void Temp_folders_go_to_tmpdir_when_set_else_to_a_roomy_tmpfs_else_the_system_temp()
    {
        var root = TempFolders.Root;
        Assert.True(Directory.Exists(root));
        var created = TempFolders.Create("unit");
        try
        {
            Assert.StartsWith(Path.GetFullPath(root), created);
            if (Environment.GetEnvironmentVariable("TMPDIR") is { Length: > 0 }) Assert.Equal(Path.GetTempPath(), root);
            else if (root != Path.GetTempPath())
            {
                Assert.Equal("/dev/shm/", root);
                var shm = new DriveInfo("/dev/shm");
                Assert.Equal("tmpfs", shm.DriveFormat);
                Assert.True(shm.AvailableFreeSpace >= 1L << 30);
            }
        }
        finally
        {
            TempFolders.Delete(created);
        }
    }

    [Fact]
    public void Temp_folders_of_a_gone_process_are_swept_and_ours_are_kept()
    {
        var ours = TempFolders.Create("unit");
        // A process id that cannot be running: above the kernel's pid_max.
        var gone = Path.Combine(TempFolders.Root, $"bookish-unit-{int.MaxValue - 7}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(gone);
        File.WriteAllText(Path.Combine(gone, "x.tex"), "x");
        try
        {
            TempFolders.SweepTemp();
            Assert.False(Directory.Exists(gone));
            Assert.True(Directory.Exists(ours));
        }
        finally
        {
            TempFolders.Delete(ours);
            TempFolders.Delete(gone);
        }
    }

    [Fact]
    public void Staging_folders_beside_an_output_of_a_gone_process_are_swept()
    {
        var parent = Directory.CreateTempSubdirectory("bookish-beside-").FullName;
        try
        {
            var output = Path.Combine(parent, "site");
            var stale = Path.Combine(parent, $".site.staging-{int.MaxValue - 9}-0123456789ab");
            var live = TempFolders.Beside(output, "staging");
            var other = Path.Combine(parent, $".other.staging-{int.MaxValue - 9}-0123456789ab");
            foreach (var d in new[] { stale, live, other }) Directory.CreateDirectory(d);
            Assert.Equal(1, TempFolders.SweepBeside(output));
            Assert.False(Directory.Exists(stale));
            Assert.True(Directory.Exists(live));
            Assert.True(Directory.Exists(other));
        }
        finally
        {
            Directory.Delete(parent, true);
        }
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><g><path d=\"M 0 0 L")]
    [InlineData("<svg><foreignObject><![CDATA[")]
    [InlineData("not svg at all")]
    public void Malformed_svg_gives_no_picture_and_no_exception(string svg)
    {
        Assert.Null(Bookish.Plots.SvgRaster.Png(svg, 2));
        Assert.Null(Bookish.Plots.SvgRaster.Pdf(svg));
    }

    [Fact]
    public void A_footnote_that_cites_itself_is_read_once_with_a_warning()
    {
        var bag = new DiagnosticBag();
        var doc = MarkdownReader.Read(new SourceText("n.md", "Text[^a] here.\n\n[^a]: See also[^a] and[^b].\n[^b]: Back to[^a].\n"), bag);
        Assert.Single(doc.Blocks);
        Assert.Contains(bag.ToList(), d => d.Id == DiagnosticIds.InputTooDeep && d.Message.Contains("itself"));
    }
}
