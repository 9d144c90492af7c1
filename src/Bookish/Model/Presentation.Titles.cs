using System.Collections.Immutable;
using System.Text;

namespace Bookish.Model;

internal static partial class Presentation
{
    /// <summary>
    /// The inlines of <see cref="PageTitle"/>: the front matter title as text, else the first heading's inlines (its
    /// math stays math, so a page can show it typeset), else the file name.
    /// </summary>
    public static ImmutableArray<Inline> PageTitleInlines(Document page) =>
        page.Metadata.TitleContent.Length > 0 ? page.Metadata.TitleContent
        : page.Metadata.Title.Length > 0 ? [new Str(page.Metadata.Title, Text.SourceSpan.None)]
        : page.Blocks.OfType<Heading>().FirstOrDefault() is { } h && PlainText(h.Content).Trim().Length > 0 ? h.Content
        : [new Str(page.PageName, Text.SourceSpan.None)];

    /// <summary>
    /// Plain text of inlines where only text can go (a window title, an EPUB's contents): as <see cref="PlainText(IEnumerable{Inline})"/>,
    /// but each piece of math given by <paramref name="math"/> (its spoken form, "nabla f", rather than its TeX).
    /// </summary>
    public static string PlainText(IEnumerable<Inline> inlines, Func<string, string> math)
    {
        var sb = new StringBuilder();
        void Add(IEnumerable<Inline> items)
        {
            foreach (var i in items)
            {
                switch (i)
                {
                    case Emphasis e: Add(e.Content); break;
                    case Link l: Add(l.Content); break;
                    case MathInline m: sb.Append(math(m.Tex)); break;
                    default: sb.Append(PlainText([i])); break;
                }
            }
        }
        Add(inlines);
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Whether inlines hold math anywhere (in emphasis and links too).</summary>
    public static bool HasMath(IEnumerable<Inline> inlines) => inlines.Any(i => i switch
    {
        MathInline => true,
        Emphasis e => HasMath(e.Content),
        Link l => HasMath(l.Content),
        _ => false,
    });
}
