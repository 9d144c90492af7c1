using System.Text;

namespace Bookish.Model;

/// <summary>
/// How the model reads to a reader, decided once for every writer (HTML, LaTeX, Markdown, and the social card): page
/// titles, author lists, the top heading level, whether a contents list is shown, cross-reference text, and the plain
/// text of inlines and blocks. Pure functions of the model, like Pandoc's <c>Writers/Shared.hs</c>.
/// </summary>
internal static partial class Presentation
{
    /// <summary>
    /// A page's own title, as its chapter heading in the PDF and its link text in the page's navigation and the book's
    /// contents: its front matter title, else the text of its first heading, else its file name.
    /// </summary>
    public static string PageTitle(Document page) =>
        page.Metadata.Title.Length > 0 ? page.Metadata.Title
        : page.Blocks.OfType<Heading>().FirstOrDefault() is { } h && PlainText(h.Content).Trim() is { Length: > 0 } text ? text
        : page.PageName;

    /// <summary>
    /// The title a page is headed with (the page's <c>h1</c> and <c>&lt;title&gt;</c>): its own front matter title; a
    /// book's chapter page otherwise shows its <see cref="PageTitle"/> (as the PDF's chapter heading does); any other
    /// page the publication's title. Empty when there is none.
    /// </summary>
    public static string HeaderTitle(Document page, Publication publication) =>
        page.Metadata.Title.Length > 0 ? page.Metadata.Title
        : IsChapter(page, publication) ? PageTitle(page)
        : publication.Metadata.Title;

    /// <summary>A page of a book other than its index page: a chapter, headed by <c>\chapter</c> in the PDF.</summary>
    public static bool IsChapter(Document page, Publication publication) => publication.IsBook && page.PageName != "index";

    /// <summary>What goes between the <paramref name="index"/>-th and the previous author of <paramref name="count"/>: "A, B and C".</summary>
    public static string AuthorSeparator(int index, int count) => index == 0 ? "" : index == count - 1 ? " and " : ", ";

    /// <summary>Names joined as a reader reads them: "A", "A and B", "A, B and C".</summary>
    public static string AuthorList(IReadOnlyList<string> names)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < names.Count; i++) sb.Append(AuthorSeparator(i, names.Count)).Append(names[i]);
        return sb.ToString();
    }

    /// <summary>Author names as a metadata field lists them (HTML <c>meta name=author</c>, PDF <c>pdfauthor</c>): "A, B, C".</summary>
    public static string AuthorField(Metadata m) => string.Join(", ", m.Authors.Select(a => a.Name));

    /// <summary>The level of a page's highest heading (1 when it has none): it becomes a section in the PDF and the first level of the contents.</summary>
    public static int TopHeadingLevel(Document page) => page.Blocks.OfType<Heading>().Select(h => h.Level).DefaultIfEmpty(1).Min();

    /// <summary>A page shows a contents list when its front matter allows one and it has two headings or more, or is a book's index (listing the chapters).</summary>
    public static bool ShowsContents(Document page, Publication publication) =>
        page.Metadata.TableOfContents && (page.Blocks.OfType<Heading>().Count() >= 2 || (publication.IsBook && page.PageName == "index"));

    /// <summary>One document made of the whole publication (the PDF) shows a contents list when allowed and it has two headings or more.</summary>
    public static bool ShowsContents(Publication publication) =>
        publication.Metadata.TableOfContents && publication.Pages.Sum(p => p.Blocks.OfType<Heading>().Count()) >= 2;

    /// <summary>Text of a cross-reference, identical in every output: "(1.2)", "Section 3", "Figure 2", or the target's title.</summary>
    public static string CrossRefText(LabelTarget? target, CrossRef x) => target switch
    {
        null => "??",
        { Kind: LabelKind.Equation } t => x.Parenthesized ? $"({t.Number})" : t.Number,
        { Kind: LabelKind.Section, Chapter: { } c } t => x.Parenthesized ? c.Name : t.Number,
        { Kind: LabelKind.Section } t => t.Number.Length > 0 ? (x.Parenthesized ? $"Section {t.Number}" : t.Number) : t.Title ?? t.Label,
        { Kind: LabelKind.Figure } t => x.Parenthesized ? $"Figure {t.Number}" : t.Number,
        { Kind: LabelKind.Table } t => x.Parenthesized ? $"Table {t.Number}" : t.Number,
        { Kind: LabelKind.Theorem } t => x.Parenthesized ? $"{t.Title} {t.Number}".Trim() : t.Number.Length > 0 ? t.Number : t.Title ?? t.Label,
        { } t => t.Number.Length > 0 ? t.Number : t.Title ?? t.Label,
    };

    /// <summary>Plain text of paragraphs (descriptions, alternative text): words, code, math as its TeX.</summary>
    public static string PlainText(IEnumerable<Block> blocks) => string.Join(" ", blocks.Select(b => b switch
    {
        Paragraph p => PlainText(p.Content),
        _ => "",
    }));

    /// <summary>Plain text of inlines (titles, descriptions, alternative text): words, code, math as its TeX, breaks as spaces.</summary>
    public static string PlainText(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i switch
    {
        Str s => s.Value,
        Emphasis e => PlainText(e.Content),
        Link l => PlainText(l.Content),
        Code c => c.Value,
        MathInline m => m.Tex,
        SoftBreak or LineBreak => " ",
        _ => "",
    }));

    /// <summary>The source-like text of blocks, for a marker that shows what failed: words, math in dollars, raw LaTeX as written.</summary>
    public static string SourceText(IEnumerable<Block> blocks)
    {
        var sb = new StringBuilder();
        foreach (var b in blocks)
        {
            if (sb.Length > 0) sb.Append(' ');
            switch (b)
            {
                case Paragraph p: SourceText(sb, p.Content); break;
                case Heading h: SourceText(sb, h.Content); break;
                case MathBlock m: sb.Append(m.Tex); break;
                case RawBlock r: sb.Append(r.Text); break;
                case CodeBlock c: sb.Append(c.Code); break;
                case ListBlock l: sb.Append(SourceText(l.Items.SelectMany(i => i.Blocks))); break;
                case BlockQuote q: sb.Append(SourceText(q.Blocks)); break;
                case Aside a: sb.Append(SourceText(a.Blocks)); break;
                case Theorem t: sb.Append(SourceText(t.Blocks)); break;
                case Table t: foreach (var r in t.Rows) foreach (var c in r.Cells) { SourceText(sb, c.Content); sb.Append(" | "); } break;
                case Figure f: SourceText(sb, f.Caption); break;
                case CheckBlock c: sb.Append(c.Display); break;
            }
        }
        return sb.ToString();
    }

    private static void SourceText(StringBuilder sb, IEnumerable<Inline> inlines)
    {
        foreach (var i in inlines)
            switch (i)
            {
                case Str s: sb.Append(s.Value); break;
                case SoftBreak or LineBreak: sb.Append(' '); break;
                case Emphasis e: SourceText(sb, e.Content); break;
                case Link l: SourceText(sb, l.Content); break;
                case Code c: sb.Append(c.Value); break;
                case MathInline m: sb.Append('$').Append(m.Tex).Append('$'); break;
                case RawInline r: sb.Append(r.Text); break;
            }
    }
}
