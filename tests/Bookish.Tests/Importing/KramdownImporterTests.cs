using Bookish.Diagnostics;
using Bookish.Importing.Kramdown;
using Bookish.Model;
using Bookish.Reading;
using Bookish.Text;

namespace Bookish.Tests.Importing;

public sealed class KramdownImporterTests
{
    private static KramdownResult Import(string post, string name = "2020-05-17-note.md") => KramdownImporter.Import("_posts/" + name, post);

    private static string Body(KramdownResult r) => r.Markdown[(r.Markdown.IndexOf("\n---\n", StringComparison.Ordinal) + 5)..].Trim();

    private static Document Read(KramdownResult r)
    {
        var bag = new DiagnosticBag();
        var doc = MarkdownReader.Read(new SourceText("post.md", r.Markdown), bag);
        Assert.Empty(bag.ToList());
        return doc;
    }

    [Fact]
    public void Inline_double_dollars_become_single_dollars_and_the_tex_is_untouched()
    {
        var r = Import("The map $$ f: \\mathbb{R}^n \\to \\mathbb{R} $$ has gradient $$\\nabla f = \\{ {{a}}_i \\}$$ and *that* is all.\n");

        Assert.Equal("The map $f: \\mathbb{R}^n \\to \\mathbb{R}$ has gradient $\\nabla f = \\{ {{a}}_i \\}$ and *that* is all.", Body(r));
        Assert.Empty(r.Diagnostics);
        Assert.Equal(2, ModelWalker.Inlines(Read(r)).OfType<MathInline>().Count());
    }

    [Fact]
    public void A_double_dollar_block_that_is_a_paragraph_of_its_own_stays_display_math_byte_for_byte()
    {
        var display = "$$\n\\begin{aligned}\na &= b \\\\\n  c &= d_{*}^{*} % not a comment for kramdown\n\\end{aligned}\n$$";
        var r = Import("Before.\n\n" + display + "\n\nAfter.\n");

        Assert.Contains("\n\n" + display + "\n\n", Body(r), StringComparison.Ordinal);
        Assert.Single(ModelWalker.Blocks(Read(r)).OfType<MathBlock>());
    }

    [Fact]
    public void Inline_math_followed_by_a_digit_uses_parentheses_so_the_dollar_rule_still_reads_it()
    {
        var r = Import("It is $$x$$5 times and costs $$\\$3$$.\n");

        Assert.Equal("It is \\(x\\)5 times and costs \\(\\$3\\).", Body(r));
        Assert.Equal(2, ModelWalker.Inlines(Read(r)).OfType<MathInline>().Count());
    }

    [Fact]
    public void A_bare_environment_and_its_line_breaks_are_left_alone()
    {
        var env = "\\begin{align}\nx &= 1 \\\\\ny &= \\frac{1}{2}\n\\end{align}";
        var r = Import(env + "\n");

        Assert.Equal(env, Body(r));
    }

    [Fact]
    public void Code_fences_inline_code_and_highlight_blocks_are_never_rewritten()
    {
        var r = Import("Use `$$x$$` and `{{ site.baseurl }}`.\n\n```ruby\nputs \"$$ {{ x }} {% raw %}\"\n```\n{: .no-copy}\n\n{% highlight python linenos %}\nprint(\"$$\")  # {: .x}\n{% endhighlight %}\n");

        var body = Body(r);
        Assert.StartsWith("Use `$$x$$` and `{{ site.baseurl }}`.", body, StringComparison.Ordinal);
        Assert.Contains("```ruby\nputs \"$$ {{ x }} {% raw %}\"\n```", body, StringComparison.Ordinal);
        Assert.Contains("```{.python .numberLines}\nprint(\"$$\")  # {: .x}\n```", body, StringComparison.Ordinal);
        var dropped = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticIds.KramdownAttributeDropped.Id, dropped.Id);
        Assert.Equal(6, dropped.Span.Line);
    }

    [Fact]
    public void A_language_attribute_line_after_a_fence_names_its_language()
    {
        var r = Import("~~~\nx <- c(1, 2)\n~~~\n{: .language-r}\n");

        Assert.Equal("~~~r\nx <- c(1, 2)\n~~~", Body(r));
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void The_toc_marker_becomes_the_contents_option()
    {
        var r = Import("---\ntitle: T\n---\n\n* TOC\n{:toc}\n\n## One\n");

        Assert.Contains("toc: true\n", r.Markdown, StringComparison.Ordinal);
        Assert.Equal("## One", Body(r));
        Assert.Contains("toc: false\n", Import("## One\n").Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribute_lines_are_applied_where_bookish_has_the_same_thing_and_reported_where_not()
    {
        var r = Import("## Results\n{: #results}\n\nThe gradient vanishes.\n{: .notice--warning}\n\nSome text.\n{: .lead style=\"color: red\"}\n");

        Assert.Equal("## Results {#results}\n\n::: warning\nThe gradient vanishes.\n:::\n\nSome text.", Body(r));
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticIds.KramdownAttributeDropped.Id, d.Id);
        Assert.Equal(8, d.Span.Line);
        Assert.Contains(".lead", d.Message, StringComparison.Ordinal);
        Assert.Equal("results", Assert.Single(ModelWalker.Blocks(Read(r)).OfType<Heading>()).Id);
    }

    [Fact]
    public void Liquid_links_become_relative_links_and_other_liquid_is_reported_where_it_is()
    {
        var r = Import("See [part one]({% post_url 2020-01-02-part-one %}), [the data]({{ '/assets/data/runs.csv' | relative_url }}),\n[home]({{ site.baseurl }}/) and {% include video.html id=\"x\" %}.\n");

        Assert.Equal("See [part one](../2020-01-02-part-one/), [the data](assets/data/runs.csv),\n[home](./) and {% include video.html id=\"x\" %}.", Body(r));
        Assert.Equal(new[] { "assets/data/runs.csv" }, r.Assets.ToArray());
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticIds.KramdownLiquid.Id, 2, 33), (d.Id, d.Span.Line, d.Span.Column));
    }

    [Theory]
    [InlineData("<img src=\"{{ site.baseurl }}/assets/img/roc.png\" alt=\"ROC\" width=\"60%\">\n*Figure 2: The ROC curve for $$k = 3$$.*")]
    [InlineData("<p align=\"center\"><img src=\"/assets/img/roc.png\"></p>\n<em>The ROC curve for $$k = 3$$.</em>")]
    [InlineData("<figure>\n  <img src=\"/assets/img/roc.png\" alt=\"x\">\n  <figcaption>The ROC curve for $$k = 3$$.</figcaption>\n</figure>")]
    [InlineData("![ROC]({{ \"/assets/img/roc.png\" | relative_url }})\n_The ROC curve for $$k = 3$$._")]
    public void An_image_with_a_caption_line_becomes_a_captioned_figure(string post)
    {
        var r = Import(post + "\n");

        var figure = Assert.Single(ModelWalker.Blocks(Read(r)).OfType<Figure>());
        Assert.Equal("assets/img/roc.png", figure.Source);
        Assert.Equal("The ROC curve for k = 3.", Presentation.PlainText(figure.Caption).Replace("  ", " ").Trim().Replace("k = 3", "k = 3"));
        Assert.Single(figure.Caption.OfType<MathInline>());
        Assert.Empty(r.Diagnostics);
        Assert.Equal(new[] { "assets/img/roc.png" }, r.Assets.ToArray());
    }

    [Fact]
    public void Jekyll_front_matter_is_mapped_and_its_own_keys_dropped()
    {
        var r = Import("---\nlayout: post\ntitle: \"Eigen: part 2\"\nauthor:\n  name: Jo Ng\ntags: linear-algebra spectra\ncategories: [math]\nmathjax: true\npermalink: /x/\nexcerpt: \"Why \\\"symmetric\\\" matters.\"\n---\nText.\n", "2021-11-03-eigen-2.md");

        var front = r.Markdown[..(r.Markdown.IndexOf("\n---\n", StringComparison.Ordinal) + 5)];
        Assert.Equal("---\ntitle: \"Eigen: part 2\"\ndate: 2021-11-03\nauthors: [\"Jo Ng\"]\ndescription: \"Why \\\"symmetric\\\" matters.\"\ntags: [\"linear-algebra\", \"spectra\", \"math\"]\ntoc: false\nnumbersections: false\n---\n", front);
        var doc = Read(r);
        Assert.Equal("Eigen: part 2", doc.Metadata.Title);
        Assert.Equal("Jo Ng", Assert.Single(doc.Metadata.Authors).Name);
    }

    [Fact]
    public void An_unclosed_double_dollar_is_reported_at_its_line_and_left_as_it_is()
    {
        var r = Import("First.\n\nThe value $$x + 1 is\nnever closed.\n");

        Assert.Equal("First.\n\nThe value $$x + 1 is\nnever closed.", Body(r));
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticIds.KramdownSyntax.Id, 3, 11), (d.Id, d.Span.Line, d.Span.Column));
    }
}
