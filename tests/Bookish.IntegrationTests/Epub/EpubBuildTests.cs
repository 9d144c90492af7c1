using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using SkiaSharp;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Epub;

/// <summary>
/// Books and articles built to EPUB 3 with real TeX, then validated by the real epubcheck: our own three-chapter book,
/// the corpus book, and the matrix calculus paper, each with zero errors and zero warnings.
/// </summary>
public sealed class EpubBuildTests(ITestOutputHelper output)
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml", Ops = "http://www.idpf.org/2007/ops", Svg = "http://www.w3.org/2000/svg",
        Opf = "http://www.idpf.org/2007/opf", Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>A three-chapter book as people write one: front matter with notation, math, a plot, an image, notes.</summary>
    internal static string WriteBook()
    {
        var dir = Repo.TempDirectory("bookish-epub-");
        File.WriteAllText(Path.Combine(dir, "index.md"), """
            ---
            title: Gradients in Three Short Chapters
            authors: [Ada Lovelace, {name: Émile Noether, url: "https://example.org/noether"}]
            date: 2026-11-30
            lang: en
            description: A tiny book about slopes, gradients and Jacobians.
            formats: [html, epub]
            chapters: [slopes.md, gradients.md, jacobians.md]
            notation:
              - symbol: \mathbf{x}
                meaning: input vector
                kind: vector
                shape: n
                macro: \vx
              - symbol: f
                meaning: a scalar function
                kind: function
            ---

            A short book that walks from the slope of a line to the Jacobian of a layer — every formula typeset by TeX.
            """);
        File.WriteAllText(Path.Combine(dir, "slopes.md"), """
            # Slopes

            The slope of $f(x) = x^2$ at $x$ is $f'(x) = 2x$, which you can read off the limit
            $$ f'(x) = \lim_{h\to 0} \frac{f(x+h) - f(x)}{h}. $$

            A plot of the parabola and its tangent line at $x = 1$:

            ```plot
            function: x^2 | parabola
            function: 2x - 1 | tangent at 1
            x: -2, 2
            y: -1, 4
            caption: The parabola $y = x^2$ and its tangent at $x = 1$.
            label: fig:tangent
            ```

            See @fig:tangent; Newton wrote $\dot y$ where Leibniz wrote $\frac{dy}{dx}$.[^notation]

            [^notation]: Lagrange's prime $f'$ came later, in 1797.

            A side remark.[^side-a]

            [^side-a]: Margins are for sidenotes: $e^{i\pi} + 1 = 0$.
            """);
        File.WriteAllText(Path.Combine(dir, "gradients.md"), """
            # Gradients {#sec:grad}

            For $f : \mathbb{R}^n \to \mathbb{R}$ the gradient collects the partial derivatives:

            \begin{equation}
            \nabla f(\vx) = \left[ \frac{\partial f}{\partial x_1}, \dots, \frac{\partial f}{\partial x_n} \right]^T \label{eq:grad}
            \end{equation}

            ![Contour lines — the gradient is perpendicular to them.](figures/contours.png){#fig:contours width=50%}

            ## Why $\nabla f$ points uphill

            Among unit directions $\mathbf{u}$, the slope $\nabla f \cdot \mathbf{u}$ is largest along the gradient.

            ## Notation used in this book

            ```notation
            ```
            """);
        File.WriteAllText(Path.Combine(dir, "jacobians.md"), """
            # Jacobians $J_f$

            Stacking the gradients of $m$ functions row by row gives the Jacobian, whose rows are \eqref{eq:grad} transposed
            (see @sec:grad):

            \begin{align}
            J &= \begin{bmatrix} \nabla f_1(\vx)^T \\ \vdots \\ \nabla f_m(\vx)^T \end{bmatrix} \label{eq:jac} \\
              &\in \mathbb{R}^{m \times n} \nonumber
            \end{align}

            | Function | Derivative |
            |---|---|
            | $\mathbf{A}\vx$ | $\mathbf{A}$ |
            | $\vx^T\vx$ | $2\vx^T$ |

            Table: Two Jacobians worth remembering. {#tbl:two}
            """);
        Directory.CreateDirectory(Path.Combine(dir, "figures"));
        using (var bitmap = new SKBitmap(320, 200))
        using (var canvas = new SKCanvas(bitmap))
        using (var pen = new SKPaint { Color = new SKColor(0x0B, 0x57, 0xA4), IsStroke = true, StrokeWidth = 3, IsAntialias = true })
        {
            canvas.Clear(SKColors.White);
            for (var r = 20; r < 200; r += 30) canvas.DrawOval(160, 100, r * 1.4f, r * 0.8f, pen);
            using var image = SKImage.FromBitmap(bitmap);
            File.WriteAllBytes(Path.Combine(dir, "figures", "contours.png"), image.Encode(SKEncodedImageFormat.Png, 100).ToArray());
        }
        return dir;
    }

    private async Task<BuildResult> BuildAsync(string input, string outputDir, bool epubOption = true)
    {
        var watch = Stopwatch.StartNew();
        var result = await Publisher.BuildAsync(new BuildOptions(input)
        {
            OutputDirectory = outputDir,
            CacheDirectory = Path.Combine(Path.GetDirectoryName(outputDir)!, "cache"),
            Epub = epubOption,
            Pdf = false,
        });
        output.WriteLine($"{Path.GetFileName(input)}: built in {watch.Elapsed.TotalSeconds:0.0} s (EPUB stage {result.Timings.GetValueOrDefault("epub").TotalMilliseconds:0} ms), " +
            $"{(result.EpubPath is { } p && File.Exists(p) ? new FileInfo(p).Length / 1024.0 : 0):0} KiB EPUB");
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.NotNull(result.EpubPath);
        Assert.True(File.Exists(result.EpubPath), result.EpubPath);
        return result;
    }

    private static XDocument Entry(ZipArchive zip, string name)
    {
        using var s = zip.GetEntry(name)?.Open() ?? throw new Xunit.Sdk.XunitException($"{name} is not in the EPUB");
        return XDocument.Load(s);
    }

    [Fact]
    public async Task Our_three_chapter_book_becomes_an_epub_that_epubcheck_passes_with_its_math_notes_image_plot_and_notation()
    {
        var dir = WriteBook();
        var result = await BuildAsync(dir, Path.Combine(Repo.TempDirectory(), "out"), epubOption: false); // formats: [html, epub] asks for it
        Assert.Empty(result.Diagnostics);
        Assert.Null(result.PdfPath);

        using var zip = ZipFile.OpenRead(result.EpubPath!);
        Assert.Equal("mimetype", zip.Entries[0].FullName);
        Assert.Equal(zip.Entries[0].Length, zip.Entries[0].CompressedLength);

        var opf = Entry(zip, "OEBPS/content.opf");
        Assert.Equal("Gradients in Three Short Chapters", opf.Descendants(Dc + "title").First().Value);
        Assert.Equal(["Ada Lovelace", "Émile Noether"], opf.Descendants(Dc + "creator").Select(c => c.Value));
        Assert.Equal("en", opf.Descendants(Dc + "language").Single().Value);
        Assert.Equal("2026-11-30", opf.Descendants(Dc + "date").Single().Value);
        Assert.StartsWith("urn:uuid:", opf.Descendants(Dc + "identifier").Single().Value);
        var items = opf.Descendants(Opf + "item").ToDictionary(i => i.Attribute("href")!.Value, i => (string?)i.Attribute("properties"));
        Assert.Equal("cover-image", items["cover-image.png"]);
        Assert.Contains("figures/contours.png", items.Keys);
        var spine = opf.Descendants(Opf + "itemref").Select(i => i.Attribute("idref")!.Value).ToList();
        Assert.Equal(6, spine.Count); // cover, title page, contents, three chapters

        // One XHTML file per chapter, each well-formed with its equations as inline SVG and its ids unique.
        foreach (var chapter in new[] { "slopes", "gradients", "jacobians" })
        {
            var page = Entry(zip, $"OEBPS/{chapter}.xhtml");
            Assert.Equal("svg", items[chapter + ".xhtml"]);
            Assert.Contains(page.Descendants(X + "span"), s => ((string?)s.Attribute("class"))?.Contains("math") == true && s.Element(Svg + "svg") is not null);
            var ids = page.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
        var slopes = Entry(zip, "OEBPS/slopes.xhtml");
        Assert.Equal(2, slopes.Descendants(X + "aside").Count(a => (string?)a.Attribute(Ops + "type") == "footnote"));
        Assert.Equal(2, slopes.Descendants(X + "a").Count(a => (string?)a.Attribute(Ops + "type") == "noteref"));
        Assert.NotNull(slopes.Descendants(X + "figure").Single().Descendants(Svg + "svg").FirstOrDefault()); // the plot, drawn inline
        var gradients = Entry(zip, "OEBPS/gradients.xhtml");
        Assert.Equal("figures/contours.png", gradients.Descendants(X + "img").Single().Attribute("src")!.Value);
        var notation = gradients.Descendants(X + "table").Single(t => (string?)t.Attribute("id") == "notation");
        Assert.Equal(2, notation.Descendants(X + "tbody").Single().Elements(X + "tr").Count());
        var jacobians = Entry(zip, "OEBPS/jacobians.xhtml");
        Assert.Contains(jacobians.Descendants(X + "a"), a => (string?)a.Attribute("href") == "gradients.xhtml#eq:grad");

        var nav = Entry(zip, "OEBPS/nav.xhtml");
        var toc = nav.Descendants(X + "nav").Single(n => (string?)n.Attribute(Ops + "type") == "toc");
        Assert.Equal(["index.xhtml", "slopes.xhtml", "gradients.xhtml", "jacobians.xhtml"], toc.Element(X + "ol")!.Elements(X + "li").Select(li => li.Element(X + "a")!.Attribute("href")!.Value));
        Assert.NotNull(nav.Descendants(X + "nav").SingleOrDefault(n => (string?)n.Attribute(Ops + "type") == "landmarks"));
        // Titles with math read as words in the contents (the equation's spoken form), never as TeX.
        var titles = toc.Descendants(X + "a").Select(a => a.Value).ToList();
        output.WriteLine(string.Join(" | ", titles));
        Assert.Contains("Jacobians J sub f", titles);
        Assert.Contains("2.1 Why nabla f points uphill", titles);
        Assert.DoesNotContain(titles, t => t.Contains('\\') || t.Contains('$'));
        Assert.Equal("Jacobians J sub f", jacobians.Descendants(X + "title").Single().Value);

        // The EPUB 2 table of contents for older readers: the same entries in the same order, bound to the identifier.
        Assert.Equal("application/x-dtbncx+xml", opf.Descendants(Opf + "item").Single(i => (string?)i.Attribute("href") == "toc.ncx").Attribute("media-type")!.Value);
        Assert.Equal("ncx", opf.Descendants(Opf + "spine").Single().Attribute("toc")!.Value);
        var ncx = Entry(zip, "OEBPS/toc.ncx");
        XNamespace n = "http://www.daisy.org/z3986/2005/ncx/";
        Assert.Equal(opf.Descendants(Dc + "identifier").Single().Value, ncx.Descendants(n + "meta").Single(m => (string?)m.Attribute("name") == "dtb:uid").Attribute("content")!.Value);
        var points = ncx.Descendants(n + "navPoint").ToList();
        Assert.Equal(titles, points.Select(p => p.Element(n + "navLabel")!.Value));
        Assert.Equal(toc.Descendants(X + "a").Select(a => a.Attribute("href")!.Value), points.Select(p => p.Element(n + "content")!.Attribute("src")!.Value));
        Assert.Equal(Enumerable.Range(1, points.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), points.Select(p => p.Attribute("playOrder")!.Value));

        // The plot's legend swatches carry their series' colour itself (the book's style sheet defines no --plot-N).
        var swatches = slopes.Descendants(Svg + "line").Where(l => ((string?)l.Attribute("style"))?.StartsWith("stroke:", StringComparison.Ordinal) == true).Select(l => (string)l.Attribute("style")!).ToList();
        Assert.Equal(["stroke:#0072b2", "stroke:#d55e00"], swatches);

        await EpubCheck.AssertValidAsync(result.EpubPath!);
    }

    [Fact]
    public async Task Building_the_same_sources_twice_gives_the_same_epub_bytes()
    {
        var dir = WriteBook();
        var root = Repo.TempDirectory();
        var first = await BuildAsync(dir, Path.Combine(root, "a"));
        var second = await BuildAsync(dir, Path.Combine(root, "b"));
        using var a = ZipFile.OpenRead(first.EpubPath!);
        using var b = ZipFile.OpenRead(second.EpubPath!);
        Assert.Equal(a.Entries.Select(e => e.FullName), b.Entries.Select(e => e.FullName));
        static byte[] Bytes(ZipArchiveEntry e) { using var s = e.Open(); using var m = new MemoryStream(); s.CopyTo(m); return m.ToArray(); }
        foreach (var (x, y) in a.Entries.Zip(b.Entries))
            Assert.True(Bytes(x).SequenceEqual(Bytes(y)), $"{x.FullName} differs between the two builds");
        Assert.Equal(File.ReadAllBytes(first.EpubPath!), File.ReadAllBytes(second.EpubPath!));
    }

    [Fact]
    public async Task The_command_line_writes_the_epub_with_the_epub_option()
    {
        var dir = Repo.TempDirectory();
        var doc = Path.Combine(dir, "kurz.md");
        File.WriteAllText(doc, "---\ntitle: Kurz und gut\nlang: de\n---\n\n# Eins\n\nDie Fläche ist $\\pi r^2$.\n");
        var run = await BookishProcess.RunAsync(["build", doc, "-o", Path.Combine(dir, "out"), "--no-pdf", "--epub", "--cache-dir", Path.Combine(dir, "cache")]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        using var zip = ZipFile.OpenRead(Path.Combine(dir, "out", "kurz.epub"));
        Assert.Equal("de", Entry(zip, "OEBPS/content.opf").Descendants(Dc + "language").Single().Value);
        Assert.Equal("de", Entry(zip, "OEBPS/index.xhtml").Root!.Attribute(XNamespace.Xml + "lang")!.Value);
    }

    [Fact]
    public async Task The_corpus_book_becomes_an_epub_that_epubcheck_passes()
    {
        var result = await BuildAsync(Repo.Corpus("bookish-simple", "book.xml"), Path.Combine(Repo.TempDirectory(), "out"));
        using var zip = ZipFile.OpenRead(result.EpubPath!);
        foreach (var name in new[] { "index", "chap1", "chap2" }) Assert.NotNull(zip.GetEntry($"OEBPS/{name}.xhtml"));
        await EpubCheck.AssertValidAsync(result.EpubPath!);
    }

    [Fact]
    public async Task The_matrix_calculus_paper_becomes_an_epub_that_epubcheck_passes_with_every_equation_and_image()
    {
        var result = await BuildAsync(Repo.Corpus("matrix-calculus", "article.xml"), Path.Combine(Repo.TempDirectory(), "out"));
        using var zip = ZipFile.OpenRead(result.EpubPath!);
        var page = Entry(zip, "OEBPS/index.xhtml");
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(result.OutputDirectory, "index.html")));
        // The same equations as the web page: every inline and display equation, as SVG.
        Assert.Equal(html.QuerySelectorAll("span.math.inline svg").Length, page.Descendants(X + "span").Count(s => (string?)s.Attribute("class") == "math inline" && s.Element(Svg + "svg") is not null));
        Assert.Equal(html.QuerySelectorAll("div.math.display").Length, page.Descendants(X + "div").Count(d => ((string?)d.Attribute("class"))?.StartsWith("math display") == true));
        var images = page.Descendants(X + "img").Select(i => i.Attribute("src")!.Value).ToList();
        Assert.Equal(4, images.Count);
        Assert.All(images, src => Assert.NotNull(zip.GetEntry("OEBPS/" + Uri.UnescapeDataString(src))));
        await EpubCheck.AssertValidAsync(result.EpubPath!);
    }
}
