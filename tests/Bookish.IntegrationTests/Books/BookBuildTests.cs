using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Books;

/// <summary>
/// Books built for real (TeX, pdflatex, PdfPig): the test book (parts, an appendix, cross-chapter references,
/// citations, notation, Unicode, a long table), the matrix calculus paper made into a book at run time, and the
/// corpus's legacy book.
/// </summary>
public sealed partial class BookBuildTests(ITestOutputHelper output)
{
    private static string TestBook => Path.Combine(Repo.Root, "tests", "books", "gradient-notes");

    private static async Task<BuildResult> BuildAsync(string input, bool pdf = true)
    {
        var dir = Repo.TempDirectory("bookish-book-");
        return await Publisher.BuildAsync(new BuildOptions(input)
        {
            OutputDirectory = Path.Combine(dir, "out"), CacheDirectory = Path.Combine(dir, "cache"), Pdf = pdf,
        });
    }

    private static IHtmlDocument Page(BuildResult result, string name) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(result.OutputDirectory, name)));

    private static JsonElement SearchData(BuildResult result)
    {
        var script = File.ReadAllText(Path.Combine(result.OutputDirectory, "search-index.js"));
        return JsonDocument.Parse(script[script.IndexOf('{')..(script.LastIndexOf('}') + 1)]).RootElement;
    }

    [Fact]
    public async Task The_test_book_builds_without_a_single_diagnostic_and_titles_each_chapter_once()
    {
        var result = await BuildAsync(TestBook);

        Assert.Empty(result.Diagnostics);
        var gradients = Page(result, "gradients.html");
        Assert.Equal("Gradients", gradients.QuerySelector("header h1")?.TextContent);
        Assert.Equal("sec:gradients", gradients.QuerySelector("header h1")?.Id);
        Assert.Equal("Chapter 2", gradients.QuerySelector("header .chapter-label")?.TextContent);
        // The heading that titled the chapter is not repeated as its first section.
        Assert.Equal(["2.1 Definition", "2.2 Directional derivatives"], gradients.QuerySelectorAll("article.body h2[id]:not(.references-title)")
            .Where(h => h.QuerySelector(".secnum") is not null).Select(h => h.QuerySelector(".secnum")!.TextContent + " " + h.ChildNodes[1].TextContent));
        Assert.DoesNotContain(gradients.QuerySelectorAll("article.body h2, article.body h3"), h => h.TextContent.Contains("Gradients", StringComparison.Ordinal));
        var limits = Page(result, "limits.html");
        Assert.Equal("Part I Foundations", limits.QuerySelector("header .part-label")?.TextContent);
        var symbols = Page(result, "symbols.html");
        Assert.Equal("Appendix A", symbols.QuerySelector("header .chapter-label")?.TextContent);
        Assert.NotNull(symbols.QuerySelector("table.notation-table, .notation-table"));
        // The index page lists the chapters under their parts, then the appendices.
        var index = Page(result, "index.html");
        Assert.Equal(["Foundations", "Practice", "Appendices"], index.QuerySelectorAll("nav.toc .part-title").Select(e => e.TextContent));
        Assert.Equal(["limits.html", "gradients.html", "descent.html", "symbols.html"], index.QuerySelectorAll("nav.toc li.chapter > a").Select(a => a.GetAttribute("href")));
        // Equation (3.1) stands just above section 3.1 (and (2.2) above 2.2): check finds the pages and the PDF agree.
        var check = Checker.Run(TestBook, autoDerivatives: false, output: result.OutputDirectory);
        Assert.Empty(check.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
    }

    [Fact]
    public async Task Cross_chapter_references_and_citations_read_the_same_in_every_chapter()
    {
        var result = await BuildAsync(TestBook, pdf: false);

        var index = Page(result, "index.html");
        Assert.Equal([("limits.html#sec:limits", "Chapter 1"), ("gradients.html#sec:gradients", "Chapter 2"), ("descent.html#sec:descent", "Chapter 3"), ("symbols.html#sec:symbols", "Appendix A")],
            index.QuerySelectorAll("article.body a.xref").Select(a => (a.GetAttribute("href"), a.TextContent)));
        var descent = Page(result, "descent.html");
        var refs = descent.QuerySelectorAll("a.xref").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("gradients.html#eq:gradient", "(2.1)"), refs);
        Assert.Contains(("gradients.html#tbl:rules", "Table 2.1"), refs);
        Assert.Contains(("limits.html#sec:epsilon-delta", "Section 1.1"), refs);
        // One bibliography for the book: a work keeps its number in every chapter (numbered by first citation in the book).
        var cited = new[] { "limits.html", "gradients.html", "descent.html" }
            .SelectMany(p => Page(result, p).QuerySelectorAll(".citation, cite, a[href^='#ref-']").Select(e => Regex.Replace(e.TextContent, @"\s+", "")))
            .Where(t => t.Length > 0).Distinct().ToList();
        output.WriteLine(string.Join(" ", cited));
        Assert.Contains("[1]", cited);
        Assert.Contains(cited, c => c is "[2,3]" or "[2, 3]" or "[2–3]");
    }

    [Fact]
    public async Task Section_equation_figure_and_table_numbers_agree_between_the_pages_and_the_PDF()
    {
        var result = await BuildAsync(TestBook);
        Assert.NotNull(result.PdfPath);
        // The PDF sets the prose ε as TeX's \epsilon, which extracts as the lunate ϵ.
        var pdf = PdfText.Words(result.PdfPath!).Replace('ϵ', 'ε');

        var numbers = new List<string>();
        foreach (var name in new[] { "limits.html", "gradients.html", "descent.html", "symbols.html" })
        {
            var page = Page(result, name);
            numbers.Add(page.QuerySelector("header .chapter-label")!.TextContent);
            numbers.AddRange(page.QuerySelectorAll("article.body .math.display[data-eqno]").Select(e => $"({e.GetAttribute("data-eqno")})"));
            numbers.AddRange(page.QuerySelectorAll("article.body h2 .secnum, article.body h3 .secnum").Select(s => s.TextContent + " " + s.ParentElement!.ChildNodes.Skip(1).First().TextContent.Trim()));
            numbers.AddRange(page.QuerySelectorAll("figcaption, caption").Select(c => Regex.Match(c.TextContent, @"^(Figure|Table) [0-9A-Z.]+").Value).Where(v => v.Length > 0));
        }
        output.WriteLine(string.Join(" | ", numbers));
        Assert.Equal(["Chapter 1", "(1.1)", "(1.2)", "1.1 The ε–δ definition", "1.2 The derivative as a limit", "Figure 1.1",
                      "Chapter 2", "(2.1)", "(2.2)", "2.1 Definition", "2.2 Directional derivatives", "Table 2.1",
                      "Chapter 3", "(3.1)", "3.1 Choosing the step", "3.2 Stopping", "Appendix A"], numbers);
        foreach (var n in numbers) Assert.True(pdf.Replace("–", "-").Contains(PdfText.Normalize(n).Replace("–", "-"), StringComparison.Ordinal), $"the PDF lacks \"{n}\"");
        Assert.Contains("Part I Foundations", pdf);
        Assert.Contains("Part II Practice", pdf);
    }

    [Fact]
    public async Task The_search_documents_hold_headings_captions_prose_and_the_TeX_of_equations()
    {
        var result = await BuildAsync(TestBook, pdf: false);

        var docs = SearchData(result).GetProperty("docs").EnumerateArray().ToList();
        var definition = docs.Single(d => d.GetProperty("page").GetString() == "gradients.html" && d.GetProperty("anchor").GetString() == "definition");
        Assert.Equal("Chapter 2 · Gradients", definition.GetProperty("chapter").GetString());
        Assert.Equal("2.1 Definition", definition.GetProperty("heading").GetString());
        Assert.Contains(@"\nabla f(\vx)", definition.GetProperty("math").GetString());
        var rules = docs.Single(d => d.GetProperty("anchor").GetString() == "directional-derivatives");
        Assert.Contains("Table 2.1: Gradients of common functions", rules.GetProperty("captions").GetString());
        Assert.Contains("least squares, the workhorse of regression", rules.GetProperty("text").GetString());
        Assert.Contains(docs, d => d.GetProperty("captions").GetString()!.Contains("Figure 1.1: A secant line", StringComparison.Ordinal));
        // The search library comes from Debian's libjs-lunr, copied beside the pages with the script the index was built with.
        Assert.Equal(File.ReadAllBytes("/usr/share/javascript/lunr/lunr.min.js"), File.ReadAllBytes(Path.Combine(result.OutputDirectory, "lunr.min.js")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Root, "templates", "book-search.js")), File.ReadAllBytes(Path.Combine(result.OutputDirectory, "book-search.js")));
        // The Lunr index is in the data, built at build time with that script's pipeline.
        var index = SearchData(result).GetProperty("index");
        Assert.Equal("2.3.9", index.GetProperty("version").GetString());
        Assert.Equal(["bookishTrimmer", "bookishStemmer"], index.GetProperty("pipeline").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(index.GetProperty("invertedIndex").EnumerateArray(), t => t[0].GetString() == "nabla");
    }

    [Fact]
    public async Task The_paper_made_into_a_book_builds_and_checks_clean_chapter_by_chapter()
    {
        var book = PaperBook.Generate();

        var result = await BuildAsync(book);

        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var check = Checker.Run(book, autoDerivatives: false, output: result.OutputDirectory);
        Assert.DoesNotContain(check.Diagnostics, d => d.IsError);
        var search = File.ReadAllBytes(Path.Combine(result.OutputDirectory, "search-index.js"));
        var docs = SearchData(result).GetProperty("docs").EnumerateArray().ToList();
        var index = SearchData(result).GetProperty("index").GetRawText();
        var nabla = docs.Where(d => d.GetProperty("math").GetString()!.Contains(@"\nabla", StringComparison.Ordinal)).Select(d => d.GetProperty("page").GetString()).Distinct().ToList();
        output.WriteLine($"search-index.js: {search.Length:N0} bytes ({Gzipped(search):N0} gzipped), {docs.Count} documents; the Lunr index in it {index.Length:N0} bytes " +
                         $"({Gzipped(System.Text.Encoding.UTF8.GetBytes(index)):N0} gzipped); \\nabla in {string.Join(", ", nabla)}");
        Assert.True(search.Length < 400_000, $"the search data is {search.Length:N0} bytes");
        // What indexing costs, measured here once more in this (warm) process: the build ran it already.
        var docsJson = SearchData(result).GetProperty("docs").GetRawText();
        var (lunr, shared) = (File.ReadAllText(Bookish.Pipeline.HtmlStage.LunrPath), File.ReadAllText(Path.Combine(Repo.Root, "templates", "book-search.js")));
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(index, Bookish.Books.SearchIndex.Run(docsJson, lunr, shared));
        output.WriteLine($"indexing in Jint (warm): {clock.ElapsedMilliseconds} ms, {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU");
        Assert.NotEmpty(nabla);
        // Appendices are lettered in the page and the PDF.
        Assert.Equal("Appendix A", Page(result, "section-08.html").QuerySelector("header .chapter-label")?.TextContent);
        Assert.Contains("Appendix A", PdfText.Words(result.PdfPath!));
    }

    private static long Gzipped(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true)) gz.Write(bytes);
        return buffer.Length;
    }

    [Fact]
    public async Task The_corpus_book_in_the_legacy_dialect_builds_with_navigation_and_search()
    {
        var result = await BuildAsync(Repo.Corpus("bookish-simple"));

        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var chapter = Page(result, "chap1.html");
        Assert.Equal(2, chapter.QuerySelectorAll("#book-sidebar .chapter-row a").Length);
        Assert.NotNull(chapter.QuerySelector("#book-search-input"));
        Assert.NotNull(chapter.QuerySelector(".book-nav-bottom a[rel=next][href='chap2.html']"));
        Assert.True(SearchData(result).GetProperty("docs").GetArrayLength() >= 2);
        var check = Checker.Run(Repo.Corpus("bookish-simple"), autoDerivatives: false, output: result.OutputDirectory);
        Assert.DoesNotContain(check.Diagnostics, d => d.IsError);
    }
}
