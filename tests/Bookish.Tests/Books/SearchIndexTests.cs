using System.Text.Json;
using Bookish.Books;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Pipeline;
using Bookish.Publishing;
using Bookish.Reading;
using Jint;

namespace Bookish.Tests.Books;

/// <summary>
/// The book's Lunr index built at build time (Debian's lunr.min.js and templates/book-search.js in Jint), then loaded
/// as the page loads it: a fresh engine with the same two scripts and <c>bookishSearch.load</c>, queried as book.js
/// queries (a boosted term through the index's pipeline, and a trailing wildcard).
/// </summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bookish-search-unit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string SharedScript => Path.Combine(AppContext.BaseDirectory, "templates", "book-search.js");

    private string DocsJson()
    {
        var book = Path.Combine(_dir, "book");
        Directory.CreateDirectory(book);
        File.WriteAllText(Path.Combine(book, "index.md"), "---\ntitle: Notizen\nchapters: [grad.md, menge.md]\n---\n\nVorwort.\n");
        File.WriteAllText(Path.Combine(book, "grad.md"),
            "# Gradienten\n\nThe gradient collects the partial derivatives.\n\n## Definition {#sec:def}\n\n" +
            "\\begin{equation}\n\\nabla_{\\mathbf{x}} f = \\left[\\frac{\\partial f}{\\partial x_1}, \\dots\\right]^\\top\n\\end{equation}\n\n" +
            "![Höhenlinien einer Schüssel](bowl.png){#fig:bowl}\n");
        File.WriteAllText(Path.Combine(book, "menge.md"),
            "# Mengen\n\nÜber Mengen: in the set, and then some more words about membership.\n\n$$x \\in S \\to T$$\n");
        var diagnostics = new DiagnosticBag();
        var publication = Numbering.Apply(InputReader.Read(book, diagnostics)!);
        return SearchDocuments.Json(SearchDocuments.Build(publication));
    }

    /// <summary>The page's side: lunr.min.js, book-search.js, lunr.Index.load; returns a query function over refs' pages and anchors.</summary>
    private static Func<string, string[]> Page(string docsJson, string indexJson)
    {
        var engine = new Engine();
        engine.Execute(File.ReadAllText(HtmlStage.LunrPath));
        engine.Execute(File.ReadAllText(SharedScript));
        engine.SetValue("docsJson", docsJson);
        engine.SetValue("indexJson", indexJson);
        engine.Execute("""
            var docs = JSON.parse(docsJson), index = bookishSearch.load(JSON.parse(indexJson));
            function find(query) {
              var words = bookishSearch.terms(query);
              return JSON.stringify(index.query(function (q) {
                words.forEach(function (w) {
                  q.term(w, { boost: 10 });
                  q.term(w, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
                });
              }).map(function (r) { var d = docs[+r.ref]; return d.page + "#" + d.anchor; }));
            }
            """);
        return query => JsonSerializer.Deserialize<string[]>(engine.Invoke("find", query).AsString())!;
    }

    [Fact]
    public void The_index_built_at_build_time_finds_TeX_commands_headings_captions_and_prose_in_the_page()
    {
        var docs = DocsJson();

        var find = Page(docs, SearchIndex.Build(docs, HtmlStage.LunrPath, SharedScript, cacheFolder: null));

        Assert.Equal("grad.html#sec:def", find(@"\nabla").First());
        Assert.DoesNotContain(find(@"\nabla"), h => h.StartsWith("menge.html", StringComparison.Ordinal));
        Assert.Equal("grad.html#", find("Gradienten").First());
        Assert.Equal("grad.html#sec:def", find("Höhenlinien").Single());
        Assert.Contains("grad.html#", find("derivatives"));
        Assert.Contains("grad.html#", find("derivative"));   // stemmed alike
        Assert.Contains("grad.html#", find("partia"));       // a word being typed
        Assert.Empty(find("Quaternion"));
    }

    [Fact]
    public void Stop_words_leave_the_prose_but_not_the_TeX_and_letters_beyond_ASCII_stay_in_words()
    {
        var docs = DocsJson();

        var find = Page(docs, SearchIndex.Build(docs, HtmlStage.LunrPath, SharedScript, cacheFolder: null));

        // \in and \to are TeX; "in", "then" and "the" in the prose are English stop words.
        Assert.Equal(["menge.html#"], find(@"\in"));
        Assert.Equal("menge.html#", find(@"\to").First());   // \top matches "to" as a word being typed
        Assert.Equal(["grad.html#sec:def"], find(@"\top"));
        Assert.Empty(find("then"));
        // lunr.trimmer would have indexed "über" as "ber".
        Assert.Equal(["menge.html#"], find("über"));
        Assert.Equal(["menge.html#"], find("Über"));
        Assert.Empty(find("ber"));
    }

    [Fact]
    public void The_same_documents_give_the_same_index_bytes()
    {
        var docs = DocsJson();
        var lunr = File.ReadAllText(HtmlStage.LunrPath);
        var shared = File.ReadAllText(SharedScript);

        var first = SearchIndex.Run(docs, lunr, shared);
        var second = SearchIndex.Run(docs, lunr, shared);

        Assert.Equal(first, second);
        // The index names the version of the library the page loads and the pipeline the shared script registers.
        var index = JsonDocument.Parse(first).RootElement;
        Assert.Equal("2.3.9", index.GetProperty("version").GetString());
        Assert.Equal(["bookishTrimmer", "bookishStemmer"], index.GetProperty("pipeline").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Lunr_without_the_shared_script_refuses_the_index_so_the_page_cannot_drift_from_the_build()
    {
        var docs = DocsJson();
        var index = SearchIndex.Build(docs, HtmlStage.LunrPath, SharedScript, cacheFolder: null);
        var engine = new Engine();
        engine.Execute(File.ReadAllText(HtmlStage.LunrPath));
        engine.SetValue("indexJson", index);

        var e = Assert.ThrowsAny<Exception>(() => engine.Execute("lunr.Index.load(JSON.parse(indexJson))"));

        Assert.Contains("Cannot load unregistered function: bookishTrimmer", e.Message);
    }

    [Fact]
    public void A_built_index_is_kept_by_content_hash_and_reused_only_for_the_same_documents()
    {
        var docs = DocsJson();
        var cache = Path.Combine(_dir, "cache");

        var built = SearchIndex.Build(docs, HtmlStage.LunrPath, SharedScript, cache);
        var kept = Assert.Single(Directory.GetFiles(Path.Combine(cache, "search")));
        Assert.Equal(built, File.ReadAllText(kept));
        File.WriteAllText(kept, "{\"from\":\"the cache\"}");

        Assert.Equal("{\"from\":\"the cache\"}", SearchIndex.Build(docs, HtmlStage.LunrPath, SharedScript, cache));
        var changed = docs.Replace("Gradienten", "Gradients", StringComparison.Ordinal);
        Assert.NotEqual("{\"from\":\"the cache\"}", SearchIndex.Build(changed, HtmlStage.LunrPath, SharedScript, cache));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(cache, "search")).Length);
    }
}
