using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Bookish.Model;

namespace Bookish.Reading;

internal sealed partial class ChapterParser
{
    [GeneratedRegex(@"\s*(?:,|\band\b|&)\s*")] private static partial Regex AuthorSeparator();

    internal ImmutableArray<Author> Authors(TagAttribute attr) => AuthorsFrom(AttrInlines(attr));

    /// <summary>Authors from <c>[Name](url) and [Name](url)</c> or <c>A, B and C</c>.</summary>
    internal static ImmutableArray<Author> AuthorsFrom(ImmutableArray<Inline> inlines)
    {
        var authors = ImmutableArray.CreateBuilder<Author>();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Link l:
                    authors.Add(new Author(PlainText(l.Content).Trim()) { Url = l.Url });
                    break;
                case Str s:
                    foreach (var name in AuthorSeparator().Split(s.Value).Select(n => n.Trim()).Where(n => n.Length > 0))
                        authors.Add(new Author(name));
                    break;
                case Emphasis e:
                    authors.AddRange(AuthorsFrom(e.Content));
                    break;
            }
        }
        return authors.ToImmutable();
    }
}
