using System.Text.Json;
using Bookish.Toolchain;

namespace Bookish.MathML;

/// <summary>
/// The same KaTeX file as <see cref="KatexEngine"/>, run by Node.js (Debian's <c>nodejs</c>) over a whole batch of
/// equations in one process: V8 converts the paper's 414 equations in a fraction of a second where Jint's interpreter
/// takes seconds, which kept cold builds from their speed target. Same options, same macro definitions, same output; the
/// process runs in the TeX sandbox (no network, nothing of the machine but /usr, its private work folder) with the
/// equations as JSON data. Any failure (no Node, a crash, a timeout) returns null and the caller uses Jint.
/// </summary>
internal static class KatexNode
{
    private const string NodePath = "/usr/bin/node";

    private const string Script = """
        "use strict";
        const fs = require("fs");
        const katex = require("/usr/share/javascript/katex/katex.min.js");
        const input = JSON.parse(fs.readFileSync("input.json", "utf8"));
        const defined = {};
        for (const d of input.macros) {
          try { katex.renderToString(d, { macros: defined, globalGroup: true, throwOnError: true, strict: "ignore" }); } catch (e) { }
        }
        const out = input.items.map(([tex, display]) => {
          try {
            return katex.renderToString(tex, { output: "mathml", displayMode: display, throwOnError: true, strict: "ignore",
              trust: false, maxExpand: 1000, macros: Object.assign({}, defined) });
          } catch (e) { return null; }
        });
        fs.writeFileSync("output.json", JSON.stringify(out));
        """;

    public static bool IsInstalled => File.Exists(NodePath) && KatexEngine.IsInstalled;

    /// <summary>KaTeX's MathML for each item (null where KaTeX rejects it), or null when Node could not do the batch.</summary>
    public static string?[]? ConvertAll(IReadOnlyList<(string Tex, bool Display)> items, IReadOnlyList<string> macroDefinitions)
    {
        if (items.Count == 0 || !IsInstalled || Environment.GetEnvironmentVariable("BOOKISH_MATHML_JINT") == "1") return null;
        var work = Directory.CreateTempSubdirectory("bookish-katex-").FullName;
        try
        {
            var input = new { macros = macroDefinitions, items = items.Select(i => new object[] { i.Tex, i.Display }).ToArray() };
            File.WriteAllText(Path.Combine(work, "input.json"), JsonSerializer.Serialize(input));
            File.WriteAllText(Path.Combine(work, "katex-mathml.js"), Script);
            var result = TexSandbox.RunAsync(NodePath, ["katex-mathml.js"], work, TimeSpan.FromSeconds(60),
                readOnly: [Path.GetDirectoryName(KatexEngine.KatexPath)!]).GetAwaiter().GetResult();
            var output = Path.Combine(work, "output.json");
            if (result.ExitCode != 0 || result.TimedOut || !File.Exists(output)) return null;
            var values = JsonSerializer.Deserialize<string?[]>(File.ReadAllText(output));
            return values is not null && values.Length == items.Count ? values : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ToolMissingException or InvalidOperationException)
        {
            return null;
        }
        finally
        {
            try { Directory.Delete(work, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
