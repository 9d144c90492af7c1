using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Publishing;

/// <summary>Seam for the legacy bookish dialect reader (XML-ish root files and the Markdown-era format).</summary>
internal static class LegacyDialect
{
    public static bool LooksLegacy(string path) => false;

    public static Publication? Read(string path, DiagnosticBag diagnostics)
    {
        diagnostics.Add(Diagnostic.Error(DiagnosticIds.DialectSyntax, SourceSpan.At(path, 0, 0), "the bookish XML dialect is not supported by this build"));
        return null;
    }
}
