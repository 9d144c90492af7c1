using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Notation;

/// <summary>
/// A book's notation and macros (declared in its index page's front matter) apply in every chapter: a chapter is linted
/// with them, its notation table lists them, and "unused declaration" (BK5004) counts uses across the whole book.
/// </summary>
internal static class BookNotation
{
    /// <summary>The notation stage for one page of a book (or of an article, when <paramref name="book"/> is null).</summary>
    /// <param name="book">The book's index page; null for an article.</param>
    /// <param name="bookNotation">The index page's notation (empty while reading the index page itself).</param>
    public static NotationResult Run(Document page, Document? book, NotationSet bookNotation, bool lint, DiagnosticBag diagnostics, SourceText? source)
    {
        if (book is null) return lint ? NotationCheck.Run(page, diagnostics, source) : new NotationResult(NotationReader.Read(page, diagnostics, source), LintOptions.Default, []);
        var own = new DiagnosticBag();
        var chapter = !ReferenceEquals(page, book);
        var notation = NotationReader.Read(page, own, source);
        if (chapter) notation = Merge(notation, bookNotation);
        // A chapter without lint options of its own follows the book's (read quietly: the index page reports them).
        var options = chapter && !page.Metadata.Raw.ContainsKey("lint")
            ? LintOptions.FromMetadata(book.Metadata, book.SourcePath, new DiagnosticBag())
            : LintOptions.FromMetadata(page.Metadata, page.SourcePath, own);
        if (lint) own.AddRange(NotationLint.Run(InChapter(page, book), notation, options.With("unused", null), source));
        var all = own.ToList();
        diagnostics.AddRange(all);
        return new NotationResult(notation, options, all);
    }

    /// <summary>The chapter with the book's <c>macros:</c> as well as its own (its own win).</summary>
    public static Document InChapter(Document page, Document book) => ReferenceEquals(page, book) ? page : page with
    {
        Metadata = page.Metadata with { Macros = [.. book.Metadata.Macros.Where(m => page.Metadata.Macros.All(c => c.Name != m.Name)), .. page.Metadata.Macros] },
    };

    public static NotationSet Merge(NotationSet own, NotationSet book) => new(
        [.. own.Entries, .. book.Entries.Where(b => own.Entries.All(o => o.Symbol != b.Symbol))],
        [.. own.Macros, .. book.Macros.Where(b => own.Macros.All(o => o.Name != b.Name))]);

    /// <summary>BK5004 for each declaration no page of the book uses: the book's own and each chapter's.</summary>
    public static IReadOnlyList<Diagnostic> Unused(IReadOnlyList<(Document Page, NotationResult Result)> pages, Document book)
    {
        var used = new HashSet<(string, string)>();
        foreach (var (page, result) in pages)
        {
            var analysis = new NotationAnalysis(InChapter(page, book), result.Notation);
            for (var e = 0; e < result.Notation.Entries.Length; e++)
                if (analysis.FirstUse[e] is not null) used.Add(Key(result.Notation.Entries[e]));
        }
        var found = new List<Diagnostic>();
        var reported = new HashSet<(string, string)>();
        foreach (var (_, result) in pages)
        {
            if (result.Options.SeverityOf(DiagnosticIds.NotationUnused) is not { } severity) continue;
            foreach (var entry in result.Notation.Entries)
                if (!used.Contains(Key(entry)) && reported.Add(Key(entry)))
                    found.Add(new Diagnostic(DiagnosticIds.NotationUnused, severity, $"notation entry '{entry.Symbol}' ({entry.Meaning}) is never used in the math", entry.Span));
        }
        return found;
    }

    private static (string, string) Key(NotationEntry e) => (e.Span.Path + ":" + e.Span.Line, e.Symbol);
}
