using System.Collections.Immutable;
using System.Text;
using Bookish.Books;
using Bookish.Model;

namespace Bookish.Pipeline;

internal static partial class HtmlStage
{
    /// <summary>Where Debian's <c>libjs-lunr</c> puts the search library the book's pages use.</summary>
    internal const string LunrPath = "/usr/share/javascript/lunr/lunr.min.js";

    /// <summary>
    /// A book's pages get templates/book.js (sidebar, menu, ← →, search), the Lunr library from Debian's libjs-lunr
    /// and the search documents made from the model (<c>search-index.js</c>: one JSON object, loaded on the first search).
    /// </summary>
    private static void AddBookAssets(Publication publication, List<string> scripts, ImmutableDictionary<string, string>.Builder copies, ImmutableDictionary<string, byte[]>.Builder files, string templates)
    {
        if (!publication.IsBook) return;
        if (!File.Exists(LunrPath))
            throw new Toolchain.ToolMissingException(LunrPath, Toolchain.DebianPackages.All.FirstOrDefault(r => r.Name == LunrPath)?.Packages ?? "libjs-lunr");
        scripts.Add("book.js");
        copies["book.js"] = Path.Combine(templates, "book.js");
        copies["lunr.min.js"] = LunrPath;
        files["search-index.js"] = Encoding.UTF8.GetBytes(SearchDocuments.Script(SearchDocuments.Json(SearchDocuments.Build(publication))));
    }
}
