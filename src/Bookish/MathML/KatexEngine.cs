using System.Security.Cryptography;
using Jint;
using Jint.Native;

namespace Bookish.MathML;

/// <summary>
/// KaTeX (Debian's <c>libjs-katex</c>) run in Jint: TeX to presentation MathML, for the hidden, speakable copy of each
/// equation beside its SVG. One engine per process, loaded on first use and reused (loading KaTeX is most of the cost);
/// calls are serialised because a Jint engine is single-threaded. KaTeX is not the authority on the TeX (TeX is): an
/// equation it rejects simply gets no MathML.
/// </summary>
internal sealed class KatexEngine
{
    /// <summary>Where Debian's <c>libjs-katex</c> puts KaTeX.</summary>
    internal const string KatexPath = "/usr/share/javascript/katex/katex.min.js";

    private static readonly Lazy<string> Script = new(() => File.ReadAllText(KatexPath));
    private static readonly Lazy<string> ScriptHash = new(() => System.Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(KatexPath)))[..16]);
    private static KatexEngine? _shared;
    private static readonly Lock SharedLock = new();

    private readonly Engine _engine;
    private readonly Lock _lock = new();
    private string? _macrosLoaded;

    /// <summary>Identifies the KaTeX build (a hash of its file): part of every cached conversion's key.</summary>
    public static string Version => File.Exists(KatexPath) ? ScriptHash.Value : "none";

    public static bool IsInstalled => File.Exists(KatexPath);

    /// <summary>The process's engine, loaded on first use (throws <see cref="Toolchain.ToolMissingException"/> without libjs-katex).</summary>
    public static KatexEngine Shared
    {
        get
        {
            lock (SharedLock)
            {
                if (_shared is not null) return _shared;
                if (!IsInstalled)
                    throw new Toolchain.ToolMissingException(KatexPath, Toolchain.DebianPackages.All.FirstOrDefault(r => r.Name == KatexPath)?.Packages ?? "libjs-katex");
                return _shared = new KatexEngine();
            }
        }
    }

    private KatexEngine()
    {
        // Bounded like every external tool: a pathological equation cannot hang or exhaust the build.
        _engine = new Engine(o => o.TimeoutInterval(TimeSpan.FromSeconds(10)).LimitRecursion(4000).LimitMemory(512L << 20));
        _engine.Execute("var self = this;");
        _engine.Execute(Script.Value);
        _engine.Execute("""
            var bkMacros = {};
            function bkDefine(defs) {
              bkMacros = {};
              var rejected = 0;
              for (var i = 0; i < defs.length; i++) {
                try { katex.renderToString(defs[i], { macros: bkMacros, globalGroup: true, throwOnError: true, strict: "ignore" }); }
                catch (e) { rejected++; }
              }
              return rejected;
            }
            function bkConvert(tex, display) {
              try {
                return katex.renderToString(tex, { output: "mathml", displayMode: display, throwOnError: true, strict: "ignore",
                  trust: false, maxExpand: 1000, macros: Object.assign({}, bkMacros) });
              } catch (e) { return null; }
            }
            """);
    }

    /// <summary>KaTeX's MathML for <paramref name="tex"/> under the document's macro definitions, or null when KaTeX rejects it.</summary>
    public string? Convert(string tex, bool display, IReadOnlyList<string> macroDefinitions)
    {
        var macrosKey = string.Join("\n", macroDefinitions);
        lock (_lock)
        {
            try
            {
                if (_macrosLoaded != macrosKey)
                {
                    _engine.Invoke("bkDefine", JsValue.FromObject(_engine, macroDefinitions.ToArray()));
                    _macrosLoaded = macrosKey;
                }
                var result = _engine.Invoke("bkConvert", tex, display);
                return result.IsString() ? result.AsString() : null;
            }
            catch (Exception e) when (e is Jint.Runtime.JavaScriptException or TimeoutException or Jint.Runtime.RecursionDepthOverflowException
                or Jint.Runtime.MemoryLimitExceededException or Jint.Runtime.StatementsCountOverflowException)
            {
                _macrosLoaded = null;
                return null;
            }
        }
    }
}
