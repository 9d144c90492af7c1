using System.Text.Json;
using Bookish.Toolchain;

namespace Bookish.MathML;

/// <summary>
/// The same KaTeX file as <see cref="KatexEngine"/>, run by Node.js (Debian's <c>nodejs</c>) over a whole batch of
/// equations in one process: V8 converts the paper's 414 equations in a fraction of a second where Jint's interpreter
/// takes seconds, which kept cold builds from their speed target. Same options, same macro definitions, same output; the
/// process runs in the TeX sandbox (no network, nothing of the machine but /usr, its private work folder) with the
/// equations as JSON data. Any failure (no Node, a crash, a timeout) returns null and the caller uses Jint.
/// Node runs with <c>--no-opt --v8-pool-size=0</c>: the run is short, and V8's optimizing compiler and its helper
/// threads cost more CPU than they save (on the paper's 414 equations about 30% less CPU, output byte-identical), CPU
/// that TeX, running at the same time on the other cores, needs.
/// </summary>
internal static class KatexNode
{
    private const string NodePath = "/usr/bin/node";

    private const string Script = """
        "use strict";
        const fs = require("fs");
        const katex = require("/usr/share/javascript/katex/katex.min.js");
        // Started early, Node loads KaTeX while the document is read, then waits for its input (moved in whole).
        let delay = 1;
        (function wait() { if (fs.existsSync("input.json")) run(); else setTimeout(wait, delay = Math.min(delay * 1.1, 10)); })();
        function run() {
        const input = JSON.parse(fs.readFileSync("input.json", "utf8"));
        if (input.stop) return;
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
        }
        """;

    public static bool IsInstalled => File.Exists(NodePath) && KatexEngine.IsInstalled;

    /// <summary>KaTeX's MathML for each item (null where KaTeX rejects it), or null when Node could not do the batch.</summary>
    public static string?[]? ConvertAll(IReadOnlyList<(string Tex, bool Display)> items, IReadOnlyList<string> macroDefinitions)
    {
        if (items.Count == 0) return null;
        using var process = NodeRun.Start();
        return process?.Convert(items, macroDefinitions);
    }

    /// <summary>
    /// One Node.js process, started before its equations are known: it loads KaTeX (a fifth of its work) while the
    /// build reads the document, then converts the batch it is given once. Disposing it stops it if it was never
    /// given one and removes its work folder.
    /// </summary>
    internal sealed class NodeRun : IDisposable
    {
        private static readonly TimeSpan Bound = TimeSpan.FromMinutes(10);
        private readonly string _work;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<ProcessResult> _run;
        private int _used;

        /// <summary>The process's private work folder (removed when it is disposed).</summary>
        internal string WorkFolder => _work;

        private NodeRun(string work)
        {
            _work = work;
            PerfTrace.Mark("mathml: node start");
            // Started from the thread pool: setting up the sandbox is not the reading thread's work.
            var stop = _stop.Token;
            _run = Task.Run(() => TexSandbox.RunAsync(NodePath, ["--no-opt", "--v8-pool-size=0", "katex-mathml.js"], work, Bound,
                readOnly: [Path.GetDirectoryName(KatexEngine.KatexPath)!], cancellationToken: stop));
        }

        /// <summary>A started process, or null when there is no Node (or Jint is asked for).</summary>
        public static NodeRun? Start()
        {
            if (!IsInstalled || Environment.GetEnvironmentVariable("BOOKISH_MATHML_JINT") == "1") return null;
            string? work = null;
            try
            {
                work = Security.TempFolders.Create("katex");
                File.WriteAllText(Path.Combine(work, "katex-mathml.js"), Script);
                return new NodeRun(work);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ToolMissingException or InvalidOperationException)
            {
                if (work is not null) Delete(work);
                return null;
            }
        }

        /// <summary>The batch's MathML (see <see cref="ConvertAll"/>); only the first call converts, later ones return null.</summary>
        public string?[]? Convert(IReadOnlyList<(string Tex, bool Display)> items, IReadOnlyList<string> macroDefinitions)
        {
            if (items.Count == 0 || Interlocked.Exchange(ref _used, 1) != 0) return null;
            try
            {
                // Written aside and moved in: Node polls for the name and must never read half a file.
                var part = Path.Combine(_work, "input.part");
                WriteInput(part, items, macroDefinitions);
                File.Move(part, Path.Combine(_work, "input.json"));
                var result = _run.WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
                var output = Path.Combine(_work, "output.json");
                if (result.ExitCode != 0 || result.TimedOut || !File.Exists(output)) return null;
                var values = ReadOutput(File.ReadAllBytes(output));
                return values.Count == items.Count ? values.ToArray() : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ToolMissingException or InvalidOperationException or TimeoutException or OperationCanceledException)
            {
                return null;
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_run.IsCompleted)
                {
                    // Never given a batch (everything came from the cache, or the build stopped early): told to stop, then stopped.
                    try { File.WriteAllText(Path.Combine(_work, "input.part"), "{\"stop\":true}"); File.Move(Path.Combine(_work, "input.part"), Path.Combine(_work, "input.json")); }
                    catch (IOException) { }
                    if (!_run.Wait(TimeSpan.FromSeconds(2))) _stop.Cancel();
                }
                try { _run.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
            }
            finally
            {
                _stop.Dispose();
                Delete(_work);
            }
        }

        // Named with this process's id, so a later build removes what a killed one left.
        private static void Delete(string work) => Security.TempFolders.DeleteLater(work);
    }

    // Written and read with the JSON writer and reader directly: the reflection-based serializer costs a cold build
    // more to start than the few hundred strings it carries.
    private static void WriteInput(string path, IReadOnlyList<(string Tex, bool Display)> items, IReadOnlyList<string> macroDefinitions)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteStartArray("macros");
        foreach (var d in macroDefinitions) json.WriteStringValue(d);
        json.WriteEndArray();
        json.WriteStartArray("items");
        foreach (var (tex, display) in items)
        {
            json.WriteStartArray();
            json.WriteStringValue(tex);
            json.WriteBooleanValue(display);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The output: one string or null per item, in order (a JsonException for anything else).</summary>
    internal static List<string?> ReadOutput(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        var values = new List<string?>();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new JsonException("expected an array");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Null => null,
                _ => throw new JsonException("expected a string or null"),
            });
        }
        return values;
    }
}
