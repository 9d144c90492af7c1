using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Reading;

namespace Bookish.Publishing;

/// <summary>Seam for the legacy bookish dialect reader (XML-ish root files and the Markdown-era format).</summary>
internal static class LegacyDialect
{
    public static bool LooksLegacy(string path) => BookishXmlReader.LooksLikeMarkdownEra(path);

    public static Publication? Read(string path, DiagnosticBag diagnostics, Security.ProjectRoot? root = null) =>
        BookishXmlReader.Read(path, diagnostics, BookishXmlOptions.Default with { Root = root });
}
