using System.Net;
using System.Text;
using Bookish.Security;

namespace Bookish.Cli.Serve;

/// <summary>
/// A read-only view of one project file with numbered lines, the given line marked and scrolled to: where the
/// overlay's file:line links lead. Only files inside the project root (links followed) are shown.
/// </summary>
internal static class SourceView
{
    private const long MaxBytes = 4 * 1024 * 1024;

    public static (int Status, string Html) Render(ProjectRoot root, string relative, int line)
    {
        var resolved = root.Resolve(root.Path, relative);
        // Hidden files (.env, .git) are never shown, even inside the project.
        // Both the name asked for and where its links lead: a link named notes.md to .env is still .env.
        static bool Hidden(string path) => path.Split('/', '\\').Any(part => part.StartsWith('.') && part is not ("." or ".."));
        if (relative.Length == 0 || Hidden(relative) || !resolved.IsReadable || resolved.RealPath is not { } path || !File.Exists(path)
            || Hidden(Path.GetRelativePath(root.Path, path)))
            return (404, Page(relative, "<p>Not a file of this project.</p>"));
        if (new FileInfo(path).Length > MaxBytes) return (413, Page(relative, "<p>The file is too large to show.</p>"));
        var lines = File.ReadAllLines(path);
        var body = new StringBuilder("<pre class=\"source\">");
        for (var i = 0; i < lines.Length; i++)
        {
            var n = i + 1;
            body.Append($"<span id=\"L{n}\" class=\"{(n == line ? "line here" : "line")}\"><a class=\"n\" href=\"#L{n}\">{n}</a>")
                .Append(WebUtility.HtmlEncode(lines[i])).Append("</span>\n");
        }
        body.Append("</pre>");
        return (200, Page(line > 0 ? $"{relative}:{line}" : relative, body.ToString()));
    }

    private static string Page(string title, string body) =>
        $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>
        body {"{"} margin: 0; font: 14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #fff; color: #1f2328; {"}"}
        h1 {"{"} font-size: 14px; margin: 0; padding: .6em 1em; background: #f6f8fa; border-bottom: 1px solid #d0d7de; position: sticky; top: 0; {"}"}
        pre {"{"} margin: 0; padding: .5em 0; {"}"}
        .line {"{"} display: block; padding-right: 1em; white-space: pre-wrap; {"}"}
        .line.here {"{"} background: #fff1c2; box-shadow: inset 3px 0 #d4a72c; {"}"}
        .n {"{"} display: inline-block; width: 4.5em; padding-right: 1em; text-align: right; color: #8c959f; text-decoration: none; user-select: none; {"}"}
        @media (prefers-color-scheme: dark) {"{"} body {"{"} background: #0d1117; color: #e6edf3; {"}"} h1 {"{"} background: #161b22; border-color: #30363d; {"}"} .line.here {"{"} background: #3b2e00; {"}"} {"}"}
        </style></head><body><h1>{WebUtility.HtmlEncode(title)}</h1>{body}
        <script>document.querySelector('.here')?.scrollIntoView({"{"}block: 'center'{"}"});</script>
        </body></html>
        """;
}
