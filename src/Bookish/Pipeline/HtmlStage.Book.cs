using System.Collections.Immutable;
using System.Text;
using Bookish.Books;
using Bookish.Model;
using Bookish.Publishing;

namespace Bookish.Pipeline;

internal static partial class HtmlStage
{
    /// <summary>Where Debian's <c>libjs-lunr</c> puts the search library the book's pages use.</summary>
    internal const string LunrPath = "/usr/share/javascript/lunr/lunr.min.js";

    /// <summary>
    /// A book's pages get templates/book.js (sidebar, menu, ← →, search), the Lunr library from Debian's libjs-lunr,
    /// templates/book-search.js (the tokenizer and pipeline the index was built with) and <c>search-index.js</c>: the
    /// search documents made from the model and the Lunr index built from them now, in Jint (one JSON object, loaded
    /// on the first search; the page never builds an index).
    /// </summary>
    private static void AddBookAssets(Publication publication, BuildOptions options, List<string> scripts, ImmutableDictionary<string, string>.Builder copies, ImmutableDictionary<string, byte[]>.Builder files, string templates)
    {
        if (!publication.IsBook) return;
        if (!File.Exists(LunrPath))
            throw new Toolchain.ToolMissingException(LunrPath, Toolchain.DebianPackages.All.FirstOrDefault(r => r.Name == LunrPath)?.Packages ?? "libjs-lunr");
        scripts.Add("book.js");
        copies["book.js"] = Path.Combine(templates, "book.js");
        copies["lunr.min.js"] = LunrPath;
        var shared = Path.Combine(templates, "book-search.js");
        copies["book-search.js"] = shared;
        var docs = SearchDocuments.Json(SearchDocuments.Build(publication));
        Toolchain.PerfTrace.Mark("search documents");
        var index = SearchIndex.Build(docs, LunrPath, shared, options.UseCache ? options.CacheDirectory ?? MathStage.DefaultCacheDirectory : null);
        files["search-index.js"] = Encoding.UTF8.GetBytes(SearchDocuments.Script(docs, index));
        Toolchain.PerfTrace.Mark("search index");
    }
}
