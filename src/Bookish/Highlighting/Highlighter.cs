using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using TextMateSharp.Grammars;
using TextMateSharp.Registry;

namespace Bookish.Highlighting;

/// <summary>
/// Highlights code at build time with TextMate grammars (TextMateSharp and the grammars it bundles, the ones VS Code
/// ships): <see cref="Tokenize"/> turns a language name and code into lines of <see cref="CodeToken"/>s, which the
/// HTML writer (<see cref="CodeHtml"/>) and the LaTeX writer (<see cref="CodeLatex"/>) both draw, so page and PDF
/// show the same colours. Pure and deterministic; thread-safe. An unknown language, a grammar that takes too long on
/// a line (<see cref="LineBudget"/>, <see cref="BlockBudget"/>) or a line longer than <see cref="MaxLineLength"/>
/// gives plain text, never an exception.
/// </summary>
internal static class Highlighter
{
    /// <summary>Lines longer than this are not given to the grammar (minified code): shown plain.</summary>
    public const int MaxLineLength = 4000;
    public static readonly TimeSpan LineBudget = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan BlockBudget = TimeSpan.FromSeconds(2);
    /// <summary>The second try of a line that ran out of <see cref="LineBudget"/>.</summary>
    public static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(2);

    /// <summary>Names that mean "no highlighting" on purpose (no warning).</summary>
    private static readonly HashSet<string> PlainNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "text", "txt", "plain", "plaintext", "none", "output", "verbatim", "nohighlight", "raw", "default",
    };

    /// <summary>Common names the bundled grammars do not list as aliases.</summary>
    private static readonly Dictionary<string, string> ExtraAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["python3"] = "python", ["ipython"] = "python", ["pycon"] = "python", ["console"] = "shellscript",
        ["shell"] = "shellscript", ["shell-session"] = "shellscript", ["c++"] = "cpp", ["cxx"] = "cpp", ["h"] = "c",
        ["cs"] = "csharp", ["c#"] = "csharp", ["f#"] = "fsharp", ["js"] = "javascript", ["node"] = "javascript",
        ["yml"] = "yaml", ["md"] = "markdown", ["jl"] = "julia", ["rs"] = "rust", ["golang"] = "go", ["kt"] = "java",
        ["make"] = "makefile", ["docker"] = "dockerfile", ["patch"] = "diff", ["xhtml"] = "html", ["svg"] = "xml",
        ["toml"] = "ini", ["psql"] = "sql", ["postgresql"] = "sql", ["mysql"] = "sql", ["sqlite"] = "sql",
        ["matlab"] = "r", ["bib"] = "bibtex", ["amslatex"] = "latex", ["context"] = "tex", ["rscript"] = "r",
    };

    private static readonly Lazy<Engine> Shared = new(() => new Engine(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<(string, string), HighlightedCode> Memo = new();

    /// <summary>True when <paramref name="language"/> means plain text on purpose (<c>text</c>, <c>output</c>, none).</summary>
    public static bool IsPlainName(string? language) => PlainNames.Contains(language ?? "");

    /// <summary>The bundled grammar's language id for a name, alias or file extension (<c>py</c>, <c>Python</c>, <c>.py</c>), or null.</summary>
    public static string? Resolve(string? language)
    {
        if (IsPlainName(language)) return null;
        var name = language!.Trim();
        if (ExtraAliases.TryGetValue(name, out var alias)) name = alias;
        return Shared.Value.LanguageId(name);
    }

    /// <summary>
    /// Tokenizes <paramref name="code"/> as <paramref name="language"/> (a name, alias or extension; null, empty or
    /// unknown: one plain token per line). The same inputs always give the same tokens.
    /// </summary>
    public static HighlightedCode Tokenize(string? language, string code)
    {
        var text = Clean(code);
        var id = Resolve(language);
        if (id is null) return Plain(text);
        var key = (id, text);
        if (Memo.TryGetValue(key, out var known)) return known;
        var result = Shared.Value.Tokenize(id, text);
        if (Memo.Count > 512) Memo.Clear();
        Memo[key] = result;
        return result;
    }

    /// <summary>Lines of the code as plain tokens (what an unknown language gets).</summary>
    public static HighlightedCode Plain(string code)
    {
        var lines = Clean(code).Split('\n').Select(l => l.Length == 0 ? ImmutableArray<CodeToken>.Empty : [new CodeToken(l, TokenKind.Plain)]);
        return new HighlightedCode(null, [.. lines]);
    }

    /// <summary>
    /// Drops '\r' and shows the other control characters (but tab and line feed) as their Unicode pictures
    /// (U+2400 + code, ␡ for DEL): they cannot be written into HTML or TeX as themselves, and a reader should see them.
    /// </summary>
    internal static string Clean(string code)
    {
        if (!code.Any(c => c < ' ' && c is not '\t' and not '\n' || c == '\x7f')) return code;
        var sb = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            if (c == '\r') continue;
            if (c < ' ' && c is not '\t' and not '\n') sb.Append((char)(0x2400 + c));
            else if (c == '\x7f') sb.Append('\u2421');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The registry and its grammars; TextMateSharp's objects are not thread-safe, so one lock guards them.</summary>
    private sealed class Engine
    {
        private readonly object _gate = new();
        private readonly RegistryOptions _options = new(ThemeName.LightPlus);
        private readonly Registry _registry;
        private readonly Dictionary<string, string> _ids = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, IGrammar?> _grammars = new(StringComparer.Ordinal);

        public Engine()
        {
            _registry = new Registry(_options);
            foreach (var language in _options.GetAvailableLanguages())
            {
                _ids.TryAdd(language.Id, language.Id);
                foreach (var alias in language.Aliases ?? []) _ids.TryAdd(alias, language.Id);
            }
            foreach (var language in _options.GetAvailableLanguages())
                foreach (var ext in language.Extensions ?? [])
                {
                    _ids.TryAdd(ext, language.Id);
                    _ids.TryAdd(ext.TrimStart('.'), language.Id);
                }
        }

        public string? LanguageId(string name) => _ids.GetValueOrDefault(name);

        public HighlightedCode Tokenize(string id, string text)
        {
            lock (_gate)
            {
                var grammar = Grammar(id);
                if (grammar is null) return Plain(text);
                var lines = text.Split('\n');
                var result = ImmutableArray.CreateBuilder<ImmutableArray<CodeToken>>(lines.Length);
                var started = System.Diagnostics.Stopwatch.StartNew();
                IStateStack? state = null;
                var plain = false;
                var incomplete = false;
                foreach (var line in lines)
                {
                    if (!plain && started.Elapsed > BlockBudget) plain = true;
                    if (plain || line.Length > MaxLineLength)
                    {
                        // A line too long is skipped (the state carries over it); after a line the grammar gave up
                        // on, or past the block's budget, the rest of the block is plain.
                        incomplete = true;
                        result.Add(line.Length == 0 ? [] : [new CodeToken(line, TokenKind.Plain)]);
                        continue;
                    }
                    var tokenized = grammar.TokenizeLine(line, state, LineBudget);
                    var tokens = Tokens(line, tokenized.Tokens, out var covered);
                    if (covered < line.Length)
                    {
                        // Oniguruma compiles a rule's patterns when the rule is first tried, and a busy machine may
                        // hold the thread back: a line that ran out of time is tried once more with a larger budget,
                        // so the same code gives the same tokens whatever the load (a runaway pattern still ends).
                        tokenized = grammar.TokenizeLine(line, state, RetryBudget);
                        tokens = Tokens(line, tokenized.Tokens, out covered);
                    }
                    if (covered < line.Length)
                    {
                        tokens.Add(new CodeToken(line[covered..], TokenKind.Plain));
                        plain = incomplete = true;
                    }
                    state = tokenized.RuleStack;
                    result.Add(Merge(tokens));
                }
                return new HighlightedCode(id, result.MoveToImmutable()) { Incomplete = incomplete };
            }
        }

        private IGrammar? Grammar(string id)
        {
            if (_grammars.TryGetValue(id, out var known)) return known;
            var scope = _options.GetScopeByLanguageId(id);
            var grammar = scope is null ? null : _registry.LoadGrammar(scope);
            _grammars[id] = grammar;
            return grammar;
        }

        private static List<CodeToken> Tokens(string line, IToken[] tokens, out int covered)
        {
            var list = new List<CodeToken>(tokens.Length);
            covered = 0;
            foreach (var t in tokens)
            {
                var start = Math.Clamp(t.StartIndex, covered, line.Length);
                var end = Math.Clamp(t.EndIndex, start, line.Length);
                if (end <= start) continue;
                if (start > covered) list.Add(new CodeToken(line[covered..start], TokenKind.Plain));
                var piece = line[start..end];
                list.Add(new CodeToken(piece, ScopeClassifier.Classify(t.Scopes, piece)));
                covered = end;
            }
            return list;
        }

        /// <summary>Neighbouring tokens of one kind become one; whitespace alone is plain.</summary>
        private static ImmutableArray<CodeToken> Merge(List<CodeToken> tokens)
        {
            var merged = new List<CodeToken>(tokens.Count);
            foreach (var t in tokens)
            {
                var kind = t.Text.All(char.IsWhiteSpace) && t.Kind is not TokenKind.Inserted and not TokenKind.Deleted ? TokenKind.Plain : t.Kind;
                if (merged.Count > 0 && merged[^1].Kind == kind) merged[^1] = new CodeToken(merged[^1].Text + t.Text, kind);
                else merged.Add(new CodeToken(t.Text, kind));
            }
            return [.. merged];
        }
    }
}
