using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Model;
using Bookish.Reading;
using Bookish.Text;

namespace Bookish.Tests.Reading;

/// <summary>The front matter keys authors bring their math with: <c>packages:</c> and the lines of <c>macros:</c>.</summary>
public sealed class AuthorsFrontMatterTests
{
    private static (Document Doc, DiagnosticBag Diagnostics) Read(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        return (MarkdownReader.Read(new SourceText("a.md", markdown), diagnostics), diagnostics);
    }

    [Fact]
    public void Packages_are_read_as_names_or_maps_with_their_lines()
    {
        var (doc, diagnostics) = Read("---\ntitle: T\npackages:\n  - siunitx\n  - {name: physics, options: [arrowdel, notrig]}\n---\n\nText.\n");
        Assert.False(diagnostics.HasErrors);
        Assert.Equal(new[] { new LatexPackage("siunitx"), new LatexPackage("physics", "arrowdel,notrig") }, doc.Metadata.Packages.ToArray());
        Assert.Equal([4, 5], doc.Metadata.Packages.Select(p => p.Span!.Line));
        Assert.Equal(@"\usepackage[arrowdel,notrig]{physics}", doc.Metadata.Packages[1].UsePackage);
        Assert.Contains(@"\usepackage{siunitx}", Preamble.For(doc.Metadata));
    }

    [Theory]
    [InlineData("{name: xcolor, options: \"\\\\input{x}\"}")]
    [InlineData("\"bad}name\"")]
    [InlineData("{name: xcolor, options: \"a%b\"}")]
    public void A_package_name_or_options_outside_the_safe_characters_are_an_error_at_the_line(string entry)
    {
        var (doc, diagnostics) = Read($"---\ntitle: T\npackages:\n  - {entry}\n---\n\nText.\n");
        var d = Assert.Single(diagnostics.ToList());
        Assert.Equal(DiagnosticIds.UnknownPackage, d.Id);
        Assert.Equal(4, d.Span.Line);
        Assert.Empty(doc.Metadata.Packages);
    }

    [Fact]
    public void Each_macro_knows_its_front_matter_line_and_the_preamble_maps_its_definition_there()
    {
        var (doc, _) = Read("---\ntitle: T\nmacros:\n  vx: \\mathbf{x}\n  endFoo: \\mathrm{F}\n---\n\n$\\vx$\n");
        Assert.Equal([4, 5], doc.Metadata.Macros.Select(m => m.Span!.Line));
        var origins = Preamble.Origins(doc.Metadata);
        Assert.Equal(5, origins[Preamble.Define(doc.Metadata.Macros[1])].Line);
    }

    [Fact]
    public void Inline_html_tags_pair_with_their_closing_tags_and_read_css_colours()
    {
        var doc = MarkdownReader.Read(new SourceText("a.md", "A <span style=\"color: #28e\">b <sup>2</sup></span> c<br>d </em>\n"), new DiagnosticBag());
        var inlines = Assert.IsType<Paragraph>(doc.Blocks[0]).Content;
        var pairs = HtmlInlineTag.Pairs(inlines);
        Assert.Equal(2, pairs.Count);
        var span = HtmlInlineTag.Of(inlines[pairs.Keys.Min()])!;
        Assert.Equal(("span", "2288EE"), (span.Name, span.Colour));
        Assert.Contains(inlines, i => HtmlInlineTag.Of(i) is { Name: "br", Void: true });
    }

    [Theory]
    [InlineData("\\begin{aligned} a &= b \\\\\n\n c &= d \\end{aligned}", "blank line")]
    [InlineData(@"Q^\vec{\mu}", "^{")]
    [InlineData(@"x_\mathbf{y}", "_{")]
    [InlineData(@"\text{max_iter}", @"\_")]
    [InlineData(@"\textcolor{#286ee0}{x}", @"\textcolor[HTML]{286EE0}")]
    public void MathJax_habits_get_a_hint(string tex, string advice) =>
        Assert.Contains(advice, TexBatchRenderer.MathJaxHint(tex));

    [Theory]
    [InlineData(@"Q^{\vec{\mu}}")]
    [InlineData(@"\text{max\_iter}")]
    [InlineData(@"\color[HTML]{286EE0}{x}")]
    public void Correct_TeX_gets_no_hint(string tex) => Assert.Null(TexBatchRenderer.MathJaxHint(tex));
}
