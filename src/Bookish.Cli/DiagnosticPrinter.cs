using Bookish.Diagnostics;

namespace Bookish.Cli;

internal static class DiagnosticPrinter
{
    public static void Print(IReadOnlyList<Diagnostic> diagnostics, string format, TextWriter writer)
    {
        switch (format)
        {
            case "json":
                writer.WriteLine(DiagnosticFormatter.Json(diagnostics));
                break;
            case "github":
                foreach (var d in diagnostics) writer.WriteLine(DiagnosticFormatter.GitHub(d));
                break;
            default:
                foreach (var d in diagnostics) writer.WriteLine(DiagnosticFormatter.Text(d));
                break;
        }
    }
}
