using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bookish.Checks.Parity;

/// <summary>The report as readable text, JSON for tools, or GitHub Actions annotations.</summary>
internal static class ParityFormatter
{
    /// <param name="sourceFolder">Folder the page's source files are in: GitHub annotations then name them relative to the repository.</param>
    public static string Format(ParityReport report, string format, string? sourceFolder = null) => format switch
    {
        "json" => Json(report),
        "github" => GitHub(report, sourceFolder),
        _ => Text(report),
    };

    public static string Text(ParityReport r)
    {
        var sb = new StringBuilder();
        if (r.InputError is not null) return $"bookish parity: {r.InputError}\n";
        foreach (var d in r.Differences)
        {
            sb.Append(d.Location.Source is { Length: > 0 } s ? s + ": " : "");
            sb.Append($"parity {d.Kind.ToString().ToLowerInvariant()}: {d.Message}");
            if (d.Location.Section.Length > 0 || d.Location.Paragraph > 0) sb.Append($"  [in \u00a7 \"{d.Location.Section}\", block {d.Location.Paragraph}]");
            sb.AppendLine();
            if (d.Context is { Length: > 0 } c) sb.AppendLine("    " + c);
        }
        var st = r.Stats;
        sb.Append(r.Agree ? "bookish parity: HTML and PDF agree" : $"bookish parity: {r.Differences.Length} difference(s)");
        if (st is not null)
            sb.Append($" ({st.HtmlWords} HTML words vs {st.PdfWords} PDF words on {st.PdfPages} pages; {st.Headings} headings, {st.Equations} equations, {st.Figures} figures, {st.Tables} tables, {st.Links} links, {st.Notes} notes)");
        sb.Append($" in {r.Elapsed.TotalMilliseconds:0} ms");
        if (r.Timings.Count > 0) sb.Append(" (" + string.Join(", ", r.Timings.Select(kv => kv.Key == "cpu" ? $"{kv.Value.TotalMilliseconds:0} ms CPU" : $"{kv.Key} done at {kv.Value.TotalMilliseconds:0} ms")) + ")");
        sb.AppendLine();
        return sb.ToString();
    }

    public static string GitHub(ParityReport r, string? sourceFolder = null)
    {
        if (r.InputError is not null) return $"::error title=Bookish parity::{Escape(r.InputError)}\n";
        var sb = new StringBuilder();
        foreach (var d in r.Differences)
        {
            var props = new List<string>();
            if (d.Location.Source is { Length: > 0 } src)
            {
                var colon = src.LastIndexOf(':');
                string File(string f) => Prop(sourceFolder is null ? f : Bookish.Diagnostics.RepoPath.Relative(Path.Combine(sourceFolder, f)));
                if (colon > 0 && int.TryParse(src[(colon + 1)..], out var line)) { props.Add("file=" + File(src[..colon])); props.Add("line=" + line); }
                else props.Add("file=" + File(src));
            }
            props.Add("title=" + Prop("Parity (" + d.Kind.ToString().ToLowerInvariant() + ")"));
            var message = d.Message + (d.Context is { Length: > 0 } c ? "\n" + c : "");
            sb.Append("::error ").Append(string.Join(',', props)).Append("::").Append(Escape(message)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
    private static string Prop(string s) => Escape(s).Replace(":", "%3A").Replace(",", "%2C");

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = ParityJsonContext.Default,
    };

    public static string Json(ParityReport r) => JsonSerializer.Serialize(new ParityJson(
        r.HtmlPath, r.PdfPath, r.Agree, r.ExitCode, r.InputError, Math.Round(r.Elapsed.TotalMilliseconds, 1), r.Stats,
        r.Differences.Select(d => new ParityDifferenceJson(JsonNamingPolicy.CamelCase.ConvertName(d.Kind.ToString()), d.Message, d.Location.Section,
            d.Location.Paragraph, d.Location.Source, d.Html, d.Pdf, d.Context)).ToList()),
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ParityJson>)Options.GetTypeInfo(typeof(ParityJson)));
}
