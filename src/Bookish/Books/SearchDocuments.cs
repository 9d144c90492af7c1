using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bookish.Model;

namespace Bookish.Books;

/// <summary>One searchable piece of a book: a section of a chapter (or a chapter's opening before its first heading).</summary>
internal sealed record SearchDocument(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("page")] string Page,
    [property: JsonPropertyName("anchor")] string Anchor,
    [property: JsonPropertyName("chapter")] string Chapter,
    [property: JsonPropertyName("heading")] string Heading,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("captions")] string Captions,
    [property: JsonPropertyName("math")] string Math);

/// <summary>
/// The documents of a book's full-text search, made at build time from the model (never from the HTML): one per
/// section, holding its heading, its prose (inline math as TeX), the captions of its figures and tables and the TeX
/// source of its equations. <see cref="SearchIndex"/> builds the Lunr index of them at build time; the page
/// (templates/book.js) loads that index and shows these documents as results.
/// </summary>
internal static class SearchDocuments
{
    public static List<SearchDocument> Build(Publication publication)
    {
        var docs = new List<SearchDocument>();
        foreach (var page in publication.Pages)
        {
            var chapter = page.Chapter is { } c ? $"{c.Name} · {Presentation.PageTitle(page)}" : Presentation.HeaderTitle(page, publication);
            var heading = Presentation.HeaderTitle(page, publication);
            var anchor = "";
            StringBuilder text = new(), captions = new(), math = new();
            void Flush()
            {
                if (text.Length + captions.Length + math.Length > 0 || docs.Count == 0 || anchor.Length > 0)
                    docs.Add(new SearchDocument(docs.Count, page.PageName + ".html", anchor, chapter, heading, Clean(text), Clean(captions), math.ToString().Trim()));
                text.Clear(); captions.Clear(); math.Clear();
            }
            foreach (var block in page.Blocks)
            {
                if (block is Heading h)
                {
                    Flush();
                    anchor = h.Id;
                    heading = (h.Number.Length > 0 ? h.Number + " " : "") + Presentation.PlainText(h.Content).Trim();
                    continue;
                }
                Collect(page, block, text, captions, math);
            }
            Flush();
        }
        return docs;
    }

    private static void Collect(Document page, Block block, StringBuilder text, StringBuilder captions, StringBuilder math)
    {
        switch (block)
        {
            case Paragraph p: Inlines(page, p.Content, text, math); text.Append(' '); break;
            case MathBlock m: math.Append(m.Tex.Trim()).Append('\n'); break;
            case CheckBlock c: math.Append(c.Display.Trim()).Append('\n'); break;
            case ListBlock l: foreach (var i in l.Items) foreach (var b in i.Blocks) Collect(page, b, text, captions, math); break;
            case BlockQuote q: foreach (var b in q.Blocks) Collect(page, b, text, captions, math); break;
            case Aside a: text.Append(Presentation.PlainText(a.Title)).Append(' '); foreach (var b in a.Blocks) Collect(page, b, text, captions, math); break;
            case Figure f: captions.Append(Label("Figure", f.Number)); Inlines(page, f.Caption, captions, math); captions.Append(' '); break;
            case Table t:
                captions.Append(Label("Table", t.Number));
                Inlines(page, t.Caption, captions, math);
                captions.Append(' ');
                foreach (var r in t.Rows) foreach (var cell in r.Cells) { Inlines(page, cell.Content, text, math); text.Append(' '); }
                break;
            case CodeBlock code: text.Append(code.Code).Append(' '); break;
        }
    }

    private static string Label(string kind, string number) => number.Length > 0 ? $"{kind} {number}: " : "";

    /// <summary>Prose as a reader sees it, with inline math as its TeX (so <c>\nabla</c> written inline is found too).</summary>
    private static void Inlines(Document page, IEnumerable<Inline> inlines, StringBuilder text, StringBuilder math)
    {
        foreach (var i in inlines)
        {
            if (i is MathInline m) math.Append(m.Tex.Trim()).Append('\n');
            if (i is Note n) { foreach (var b in n.Content) if (b is Paragraph p) { text.Append(' '); Inlines(page, p.Content, text, math); } continue; }
            text.Append(i switch
            {
                CrossRef x => Presentation.CrossRefText(page.Labels.Find(x.Label), x),
                Emphasis e => Presentation.PlainText(e.Content),
                Link l => Presentation.PlainText(l.Content),
                _ => Presentation.PlainText([i]),
            });
        }
    }

    private static string Clean(StringBuilder sb) => string.Join(' ', sb.ToString().Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = SearchJsonContext.Default };

    /// <summary>The documents as JSON (an array: the index's input, and the store of titles and snippets the page shows).</summary>
    public static string Json(IReadOnlyList<SearchDocument> docs) => JsonSerializer.Serialize(docs, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<IReadOnlyList<SearchDocument>>)Options.GetTypeInfo(typeof(IReadOnlyList<SearchDocument>)));

    /// <summary>
    /// The search data as a script the page loads lazily (a page opened from disk cannot fetch a JSON file):
    /// <c>{"version":2,"docs":[…],"index":{…}}</c>, the documents as the store and the Lunr index built from them.
    /// </summary>
    public static string Script(string docsJson, string indexJson) =>
        "window.bookishSearchData = {\"version\":2,\"docs\":" + Safe(docsJson) + ",\n\"index\":" + Safe(indexJson) + "};\n";

    /// <summary>JSON inside a script element's text: <c>&lt;/</c> can never close it.</summary>
    private static string Safe(string json) => json.Replace("</", "<\\/");
}

/// <summary>Search documents written without reflection; the encoder is set at run time around it.</summary>
[JsonSerializable(typeof(IReadOnlyList<SearchDocument>))]
internal sealed partial class SearchJsonContext : JsonSerializerContext;
