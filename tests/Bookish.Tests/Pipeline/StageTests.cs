using System.Collections.Immutable;
using AngleSharp.Html.Parser;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Pipeline;
using Bookish.Publishing;
using Bookish.Security;
using Bookish.Tests.Html;

namespace Bookish.Tests.Pipeline;

/// <summary>The stages as values, with the TeX seam faked and no PDF: what each hands the next, and what a build's kind is.</summary>
public sealed class StageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bookish-stages-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private Task<BuildResult> BuildAsync(string input) => Publisher.BuildAsync(new BuildOptions(input)
    {
        OutputDirectory = Path.Combine(_dir, "out"),
        Pdf = false,
        SocialCard = false,
        MathRenderer = new FakeMathRenderer(),
    });

    [Fact]
    public async Task A_missing_chapter_is_BK1009_at_the_line_that_names_it_and_the_other_chapters_build()
    {
        Write("index.md", "---\ntitle: Lineare Algebra\nchapters:\n  - vektoren.md\n  - matrizen.md\n---\n\nVorwort.\n");
        Write("vektoren.md", "# Vektoren\n\nEin Vektor $v \\in \\mathbb{R}^n$.\n");

        var result = await BuildAsync(_dir);

        var missing = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.MissingChapter);
        Assert.Equal((5, true), (missing.Span.Line, missing.Span.Path.EndsWith("index.md")));
        Assert.Equal(BuildKind.Errors, result.Kind);
        Assert.True(File.Exists(Path.Combine(_dir, "out", "vektoren.html")));
    }

    [Fact]
    public async Task An_input_that_is_not_there_is_bad_input_not_an_error_in_a_document()
    {
        var result = await BuildAsync(Path.Combine(_dir, "nirgends.md"));

        Assert.Equal(BuildKind.BadInput, result.Kind);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.InputNotFound);
    }

    [Fact]
    public async Task A_missing_image_in_raw_HTML_is_reported_at_its_own_line()
    {
        var input = Write("index.md", "---\ntitle: Bilder\n---\n\n<figure>\n  <figcaption>Skizze</figcaption>\n  <img src=\"bilder/skizze.png\" alt=\"Skizze\">\n</figure>\n");

        var result = await BuildAsync(input);

        var missing = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.MissingImage);
        Assert.Equal(7, missing.Span.Line);
        Assert.Equal(BuildKind.Succeeded, result.Kind);
    }

    [Fact]
    public async Task The_HTML_stage_runs_again_with_the_earlier_results_and_a_new_template()
    {
        var input = Write("index.md", "---\ntitle: Gradienten\n---\n\nFür $f(x) = x^\\top A x$ gilt\n\n$$\n\\nabla f = (A + A^\\top) x\n$$\n");
        var options = new BuildOptions(input) { MathRenderer = new FakeMathRenderer(), SocialCard = false };
        var root = ProjectRoot.ForInput(input);
        var templates = Templates.Directory();
        var read = ReadStage.Run(input, root);
        var numbered = NumberStage.Number(read.Publication!, root);
        var checks = CheckStage.Run(numbered.Publication);
        var math = await MathStage.RunAsync(numbered.Publication, checks, options, CancellationToken.None);
        var template = HtmlStage.Template(numbered.Publication, root, templates);

        var first = HtmlStage.Run(numbered.Publication, checks, math, template, options, root, templates);
        var again = HtmlStage.Run(numbered.Publication, checks, math, template with { Html = template.Html.Replace("<body", "<body data-served=\"1\"") }, options, root, templates);

        var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(again.Staged.Files["index.html"]));
        Assert.Equal("1", page.Body!.GetAttribute("data-served"));
        Assert.Equal(2, page.QuerySelectorAll(".math svg").Length);
        Assert.Equal(first.Staged.Copies.Keys.Order(), again.Staged.Copies.Keys.Order());
    }

    [Fact]
    public async Task The_failed_set_is_keyed_by_mode_so_the_same_TeX_can_fail_inline_and_render_displayed()
    {
        var input = Write("index.md", "Inline $\\sqrt{2}$ fails here.\n\n$$\n\\sqrt{2}\n$$\n");
        var options = new BuildOptions(input) { MathRenderer = new FailsInline(), UseCache = false };
        var root = ProjectRoot.ForInput(input);
        var numbered = NumberStage.Number(ReadStage.Run(input, root).Publication!, root);
        var checks = CheckStage.Run(numbered.Publication);

        var math = await MathStage.RunAsync(numbered.Publication, checks, options, CancellationToken.None);

        Assert.True(math.HasFailed(@"\sqrt{2}", MathMode.Inline));
        Assert.False(math.HasFailed(@"\sqrt{2}", MathMode.Display));
        Assert.Single(math.Failed);
    }

    /// <summary>The fake seam, except that every inline fragment fails (as TeX would report it).</summary>
    private sealed class FailsInline : IMathRenderer
    {
        public async Task<MathBatchResult> RenderAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings, CancellationToken cancellationToken = default)
        {
            var all = await new FakeMathRenderer().RenderAsync(fragments, settings, cancellationToken);
            var inline = fragments.Where(f => f.Mode == MathMode.Inline).ToList();
            var rendered = all.Rendered.Where(r => inline.All(f => f.Key(settings) != r.Key)).ToDictionary();
            var diagnostics = inline.Select(f => Diagnostic.Error(DiagnosticIds.TexError, f.Spans[0], "! Undefined control sequence.")).ToList();
            return new MathBatchResult(rendered, diagnostics);
        }
    }
}
