using System.Collections.Immutable;
using System.Diagnostics;
using AngleSharp.Html.Parser;

namespace Bookish.Checks.Parity;

/// <summary>
/// Compares what a built HTML page shows with what its PDF prints: headings, prose words, equations, figures and
/// tables, link targets, notation rows, notes and references, each difference located in the HTML.
/// Equations are identified in the PDF by the named destination the LaTeX writer puts before each display
/// (<c>\hypertarget{eq-3}{}</c>), which is the id of the equation's element in the HTML.
/// </summary>
internal static class ParityChecker
{
    /// <summary>Never throws for bad input: a missing or unreadable file gives a report with <see cref="ParityReport.InputError"/>.</summary>
    public static ParityReport Compare(string htmlPathOrFolder, string pdfPath)
    {
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var timings = new Dictionary<string, TimeSpan>();
        var htmlPath = ResolveHtml(htmlPathOrFolder, out var htmlError);
        if (htmlError is not null) return ParityReport.Bad(htmlPathOrFolder, pdfPath, htmlError, watch.Elapsed);
        if (!File.Exists(pdfPath)) return ParityReport.Bad(htmlPath!, pdfPath, $"PDF not found: {pdfPath}", watch.Elapsed);

        HtmlSide html;
        try
        {
            var text = File.ReadAllText(htmlPath!);
            if (text.Length == 0) return ParityReport.Bad(htmlPath!, pdfPath, $"HTML file is empty: {htmlPath}", watch.Elapsed);
            if (text.StartsWith("%PDF", StringComparison.Ordinal)) return ParityReport.Bad(htmlPath!, pdfPath, $"{htmlPath} is a PDF, not an HTML page (are the arguments swapped?)", watch.Elapsed);
            var parser = new HtmlParser();
            var doc = parser.ParseDocument(HtmlSide.WithoutSvg(text));
            var folder = Path.GetDirectoryName(Path.GetFullPath(htmlPath!))!;
            var chapters = HtmlSide.ChapterFiles(doc, folder);
            html = chapters.Count == 0
                ? HtmlSide.Read(doc, folder)
                : HtmlSide.ReadBook([doc, .. chapters.Select(c => parser.ParseDocument(HtmlSide.WithoutSvg(File.ReadAllText(c))))], folder);
            timings["html"] = watch.Elapsed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ParityReport.Bad(htmlPath!, pdfPath, $"cannot read the HTML: {e.Message}", watch.Elapsed);
        }
        if (html.Body.Count == 0 && html.Units.Count == 0)
            return ParityReport.Bad(htmlPath!, pdfPath, $"the HTML shows no text: {htmlPath}", watch.Elapsed);

        PdfSide pdf;
        try
        {
            pdf = PdfSide.Read(File.ReadAllBytes(pdfPath), html.IsBook);
            timings["pdf"] = watch.Elapsed;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
            return ParityReport.Bad(htmlPath!, pdfPath, $"cannot read the PDF ({e.GetType().Name}: {e.Message})", watch.Elapsed);
        }
        if (pdf.Pages == 0) return ParityReport.Bad(htmlPath!, pdfPath, "the PDF has no pages", watch.Elapsed);

        var differences = new List<ParityDifference>();
        differences.AddRange(StructureComparer.Headings(html, pdf));
        // Floats are compared as units (they may move in the PDF), the prose without them.
        var floats = FloatUnits.Find(html, html.Body, pdf.Body);
        var floatHtml = floats.SelectMany(f => f.Html).ToHashSet();
        var floatPdf = new bool[pdf.Body.Count];
        foreach (var f in floats) for (var j = f.PdfFrom; j <= f.PdfTo; j++) floatPdf[j] = true;
        var body = new ProseComparer(html, html.Body, pdf.Body, "body") { HtmlIn = i => !floatHtml.Contains(i), PdfIn = j => !floatPdf[j] };
        differences.AddRange(body.Compare());
        foreach (var f in floats)
        {
            var unit = new ProseComparer(html, html.Body, pdf.Body, "body") { HtmlIn = f.Html.Contains, PdfIn = j => j >= f.PdfFrom && j <= f.PdfTo };
            differences.AddRange(unit.Compare());
            body.MatchedPdf.UnionWith(unit.MatchedPdf);
        }
        var notes = new ProseComparer(html, html.Notes, pdf.Notes, "note");
        differences.AddRange(notes.Compare());
        differences.AddRange(StructureComparer.NoteCount(html, pdf, html.NoteCount));
        differences.AddRange(StructureComparer.Equations(html, pdf, body));
        differences.AddRange(StructureComparer.EquationPlaces(html, pdf, body));
        differences.AddRange(StructureComparer.Floats(html, pdf));
        differences.AddRange(StructureComparer.Links(html, pdf));

        timings["compare"] = watch.Elapsed;
        timings["cpu"] = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var stats = new ParityStats(html.Body.Count(t => !t.IsMath) + html.Notes.Count(t => !t.IsMath), pdf.Body.Count + pdf.Notes.Count,
            html.Headings.Count, html.Math.Count(m => m.Display), html.Floats.Count(f => f.Kind == "Figure"), html.Floats.Count(f => f.Kind == "Table"),
            html.Links.Count, html.NoteCount, pdf.Pages);
        return new ParityReport(htmlPath!, pdfPath, differences.ToImmutableArray(), watch.Elapsed) { Stats = stats, Timings = timings };
    }

    /// <summary>A file is used as is; a folder gives its index.html, or its only .html page.</summary>
    private static string? ResolveHtml(string path, out string? error)
    {
        error = null;
        if (File.Exists(path)) return path;
        if (Directory.Exists(path))
        {
            var index = Path.Combine(path, "index.html");
            if (File.Exists(index)) return index;
            var pages = Directory.GetFiles(path, "*.html");
            if (pages.Length == 1) return pages[0];
            error = pages.Length == 0 ? $"no HTML page in {path}" : $"{path} holds {pages.Length} HTML pages and no index.html: name one";
            return null;
        }
        error = $"HTML not found: {path}";
        return null;
    }

    /// <summary>The PDF beside an output folder's HTML: the only .pdf there, else none.</summary>
    public static string? PdfBeside(string folder)
    {
        if (!Directory.Exists(folder)) return null;
        var pdfs = Directory.GetFiles(folder, "*.pdf");
        return pdfs.Length == 1 ? pdfs[0] : null;
    }
}
