using Bookish.Equations;
using Bookish.Latex;
using Bookish.Model;

namespace Bookish.Tests.Latex;

/// <summary>The LaTeX writer on its own: title block, contents rule, chapters, failed equations by key, escaping.</summary>
public sealed class LatexWriterTests
{
    private const string Template = "\\documentclass{article}\n%% bookish:preamble\n%% bookish:metadata\n\\begin{document}\n%% bookish:title\n%% bookish:body\n\\end{document}\n";

    private static string Write(Publication publication, Func<LatexWriterContext, LatexWriterContext>? configure = null)
    {
        var context = new LatexWriterContext(publication, Template, "");
        return LatexWriter.Write(configure is null ? context : configure(context)).Tex;
    }

    private static Publication Article(string markdown)
    {
        var doc = TestDocuments.Read(markdown);
        return new Publication(doc.Metadata, [doc], false, "doc");
    }

    [Fact]
    public void Three_authors_read_A_B_and_C_with_links_kept()
    {
        var tex = Write(Article("---\ntitle: Matrix Calculus\nauthors:\n  - name: Terence Parr\n  - name: Jeremy Howard\n    url: https://fast.ai\n  - name: Ada Lovelace\n---\n\nText.\n"));
        Assert.Contains(@"\author{Terence Parr, \href{https://fast.ai}{Jeremy Howard} and Ada Lovelace}", tex);
        Assert.Contains("pdfauthor={Terence Parr, Jeremy Howard, Ada Lovelace}", tex);
    }

    [Fact]
    public void A_contents_list_needs_two_headings()
    {
        Assert.DoesNotContain(@"\tableofcontents", Write(Article("---\ntitle: T\n---\n\n# Only one\n\nText.\n")));
        Assert.Contains(@"\tableofcontents", Write(Article("---\ntitle: T\n---\n\n# One\n\n# Two\n")));
        Assert.DoesNotContain(@"\tableofcontents", Write(Article("---\ntitle: T\ntoc: false\n---\n\n# One\n\n# Two\n")));
    }

    [Fact]
    public void A_chapter_without_a_front_matter_title_is_headed_by_its_first_heading_as_in_the_page()
    {
        var index = TestDocuments.Read("---\ntitle: Ein kleines Buch\n---\n\nVorwort.\n", "index.md") with { PageName = "index" };
        var chapter = TestDocuments.Read("# Grundlagen der *Analysis*\n\nText.\n", "kapitel-1.md") with { PageName = "kapitel-1" };
        var book = new Publication(index.Metadata, [index, chapter], true, "buch");

        var tex = Write(book);

        Assert.Contains(@"\chapter{Grundlagen der Analysis}", tex);
        Assert.DoesNotContain(@"\chapter{kapitel-1}", tex);
        Assert.Equal("Grundlagen der Analysis", Presentation.PageTitle(chapter));
        Assert.Equal("Grundlagen der Analysis", Presentation.HeaderTitle(chapter, book));
        Assert.Equal("Ein kleines Buch", Presentation.HeaderTitle(index, book));
    }

    [Fact]
    public void A_failed_fragment_is_a_marker_only_in_the_mode_that_failed()
    {
        var publication = Article("Inline $\\frac{a}{b$ here.\n\n$$\n\\frac{a}{b\n$$\n");
        var settings = new MathSettings();
        var failed = new HashSet<string> { MathFragment.KeyOf(@"\frac{a}{b", MathMode.Inline, settings) };

        var tex = Write(publication, c => c with { IsBrokenMath = (t, m) => failed.Contains(MathFragment.KeyOf(t, m, settings)) });

        Assert.Contains(@"\bookishbroken{", tex);
        Assert.Contains("\\[\n\\frac{a}{b\n\\]", tex);
    }

    [Fact]
    public void A_block_LaTeX_failed_on_becomes_a_framed_marker_with_its_source_text()
    {
        var publication = Article("Text with $x$ and *more*.\n");
        var paragraph = publication.Pages[0].Blocks[0];

        var tex = Write(publication, c => c with { Failed = new Dictionary<Text.SourceSpan, string> { [paragraph.Span] = "! Undefined control sequence." } });

        Assert.Contains(@"\bookisherror{", tex);
        Assert.Contains("Text with ", tex);
        Assert.DoesNotContain(@"\emph{more}", tex);
    }

    [Fact]
    public void Prose_is_escaped_and_cross_references_read_as_in_the_page()
    {
        var tex = Write(Article("# Kosten {#sec:k}\n\n50 % of #3 & $x$ cost ~5_€; see @sec:k and \\ref{sec:k}.\n"));
        Assert.Contains(@"50 \% of \#3 \& $x$ cost", tex);
        Assert.Contains(@"see \hyperref[sec:k]{Section 1} and \hyperref[sec:k]{1}", tex);
    }
}
