using System.Collections.Immutable;
using AngleSharp.Html.Parser;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using Bookish.Text;

namespace Bookish.IntegrationTests.Equations;

/// <summary>Math brought from MathJax blogs and LaTeX notes builds as its author wrote it (real TeX, real PDF).</summary>
public sealed class AuthorsMathTests
{
    private static async Task<(BuildResult Result, AngleSharp.Html.Dom.IHtmlDocument Html)> BuildAsync(string markdown, bool pdf = false)
    {
        var path = Repo.WriteDocument(markdown);
        var output = Path.Combine(Path.GetDirectoryName(path)!, "out");
        var result = await Publisher.BuildAsync(new BuildOptions(path) { OutputDirectory = output, Pdf = pdf, UseCache = false });
        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
        return (result, html);
    }

    [Fact]
    public async Task Split_verb_and_the_blackboard_one_work_in_displays_as_in_LaTeX()
    {
        var (result, html) = await BuildAsync("""
            # Loss

            $$\begin{split} \mathcal{L} &= \sum_i \ell_i \\ &= \mathbb{1}^\top \boldsymbol{\ell} \end{split}$$

            \[ \text{the field } \verb|x_max| = \max_i x_i \]

            Inline $\verb|a_b|$ and $\mathscr{F}$, $\cancel{h}$, $\upmu$, $\coloneqq$.
            """, pdf: true);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Equal(result.MathFragments, result.MathRendered);
        Assert.NotNull(result.PdfPath);
        // The split display is as wide as its widest row, not as the 10000 pt line it was set in.
        var split = html.QuerySelectorAll(".math-image svg").First();
        var width = SvgPixels.ViewBox(split.OuterHtml)[2];
        Assert.InRange(width, 20, 200);
    }

    [Fact]
    public async Task A_display_keeps_TeX_s_box_the_same_as_display_style_math_when_nothing_needs_a_display()
    {
        var settings = new MathSettings();
        var tex = @"\sum_{i=1}^n \frac{a_i}{b_i} + \begin{aligned} x &= y \\ &= z \end{aligned}";
        var display = new MathFragment(tex, MathMode.Display, [SourceSpan.At("a.md", 1, 1)]);
        var inline = new MathFragment(@"\displaystyle " + tex, MathMode.Inline, [SourceSpan.At("a.md", 2, 1)]);
        var r = await new TexBatchRenderer().RenderAsync([display, inline], settings);
        Assert.Empty(r.Diagnostics);
        var a = r.Rendered[display.Key(settings)];
        var b = r.Rendered[inline.Key(settings)];
        Assert.Equal(b.WidthEm, a.WidthEm, 5);
        Assert.Equal(b.HeightEm, a.HeightEm, 5);
        Assert.Equal(b.DepthEm, a.DepthEm, 5);
    }

    [Fact]
    public async Task A_package_added_in_the_front_matter_is_used_by_the_equations_and_the_PDF()
    {
        var (result, _) = await BuildAsync("""
            ---
            title: Units
            packages: [siunitx, {name: nicefrac}]
            ---

            The speed is $\SI{12.5}{\metre\per\second}$ and half is $\nicefrac{1}{2}$.
            """, pdf: true);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Equal(2, result.MathRendered);
        var text = PdfText.Words(result.PdfPath!);
        Assert.Contains("12.5", text);
    }

    [Fact]
    public async Task An_unknown_package_and_unsafe_options_are_errors_at_their_front_matter_lines_and_the_rest_builds()
    {
        var (result, _) = await BuildAsync("""
            ---
            title: Packages
            packages:
              - siunitx
              - nosuchpackage-anywhere
              - {name: xcolor, options: "\\input{/etc/passwd}"}
            ---

            Still $x^2$.
            """, pdf: true);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(DiagnosticIds.UnknownPackage, e.Id));
        Assert.Equal([5, 6], errors.Select(e => e.Span.Line).Order());
        Assert.Equal(1, result.MathRendered);
        Assert.NotNull(result.PdfPath);
    }

    [Fact]
    public async Task A_front_matter_macro_LaTeX_refuses_is_reported_once_at_its_line_and_no_equation_is_blamed()
    {
        var (result, _) = await BuildAsync("""
            ---
            title: Macros
            macros:
              vx: \mathbf{x}
              endFoo: \mathrm{F}
            ---

            Uses $\vx$ and $\vx^2$ and

            $$\vx^\top \vx$$
            """, pdf: true);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(DiagnosticIds.PreambleError, error.Id);
        Assert.Equal(5, error.Span.Line);
        Assert.Contains(@"\endFoo", error.Message);
        Assert.Equal(3, result.MathRendered);
    }

    [Fact]
    public async Task Dollar_signs_follow_Pandoc_s_rule_and_TeX_left_as_text_is_reported()
    {
        var (result, html) = await BuildAsync("""
            Indices $1, \dots, K-1$, bounds $0 \leq x \leq 1$, sizes $2 \times 3$ and $1 - p$.

            It costs $5 and $6 in total.

            A slip: $ \alpha + \beta $ stays text.
            """);
        var math = html.QuerySelectorAll("p .math").Select(e => e.GetAttribute("data-tex")).ToList();
        Assert.Equal([@"1, \dots, K-1", @"0 \leq x \leq 1", @"2 \times 3", "1 - p"], math);
        Assert.Contains("costs $5 and $6 in total", html.QuerySelectorAll("p")[1].TextContent);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.MathLeftAsText, warning.Id);
        Assert.Equal((5, 9), (warning.Span.Line, warning.Span.Column));
    }

    [Theory]
    [InlineData("\\begin{aligned} a &= b \\\\\n\n c &= d \\end{aligned}", "blank line")]
    [InlineData(@"Q^\vec{\mu}", "^{")]
    [InlineData(@"\text{max_iter}", @"\_")]
    [InlineData(@"\color{#286ee0}{x}", @"\color[HTML]{286EE0}")]
    public async Task MathJax_only_TeX_gets_TeX_s_words_and_one_line_saying_what_to_write(string tex, string advice)
    {
        var f = new MathFragment(tex, MathMode.Display, [SourceSpan.At("a.md", 3, 1)]);
        var r = await new TexBatchRenderer().RenderAsync([f], new MathSettings());
        var d = Assert.Single(r.Diagnostics);
        var lines = d.Message.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("!", lines[0]);
        Assert.StartsWith("hint:", lines[1]);
        Assert.Contains(advice, lines[1]);
    }

    [Fact]
    public async Task Two_hundred_broken_equations_cost_no_extra_TeX_run_and_each_is_reported_at_its_span()
    {
        string[] broken =
        [
            @"\undefinedmacro{x}", @"\frac{a}{b", @"\left( x", @"a & b", @"\begin{aligned} a &= b", @"\end{matrix} x",
            @"\sqrt[3{x}", @"x \over y \over z", @"\right) x", @"}{x", @"\text{a_b}", @"Q^\vec{\mu}",
            @"\begin{cases} 1 & x \end{pmatrix}", @"\hbox{$x}", @"\mathrm{#}",
        ];
        var fragments = new List<MathFragment>();
        for (var i = 0; i < 200; i++)
        {
            fragments.Add(new MathFragment($"x_{{{i}}}", MathMode.Inline, [SourceSpan.At("many.md", 2 * i + 1, 3)]));
            fragments.Add(new MathFragment($"{broken[i % broken.Length]} + {i}", i % 2 == 0 ? MathMode.Display : MathMode.Inline, [SourceSpan.At("many.md", 2 * i + 2, 3)]));
        }
        var settings = new MathSettings { Parallelism = 1 };
        var r = await new TexBatchRenderer().RenderAsync(fragments, settings);
        var silent = fragments.Where((f, i) => i % 2 == 1 && r.Rendered.ContainsKey(f.Key(settings))).Select(f => f.Tex).ToList();
        Assert.True(silent.Count == 0, "rendered without an error: " + string.Join(" | ", silent.Take(5)));
        Assert.Equal(200, r.Rendered.Count);
        Assert.Equal(200, r.Diagnostics.Count);
        Assert.All(r.Diagnostics, d => Assert.Equal(DiagnosticIds.TexError, d.Id));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => 2 * i + 2), r.Diagnostics.Select(d => d.Span.Line).Order());
        // At most one extra run per bad fragment is the bound; ending each fragment cleanly keeps the whole batch in one run.
        Assert.True(r.TexRuns <= 2, $"{r.TexRuns} TeX runs");
    }
}
