using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Notation;

/// <summary>
/// Severities of the notation lint rules (null = off) and strict mode, read from front matter:
/// <c>lint: { italic-operator: warning, unused: off, strict: true }</c>. Keys are rule names or ids (<c>BK5001</c>);
/// values <c>error</c>, <c>warning</c>, <c>info</c> or <c>off</c>. Immutable.
/// </summary>
internal sealed record LintOptions
{
    public static LintOptions Default { get; } = new();

    /// <summary>Rule name -> diagnostic id, in the order of the docs.</summary>
    public static readonly ImmutableArray<(string Rule, string Id)> Rules =
    [
        ("italic-operator", DiagnosticIds.ItalicOperator),
        ("notation-form", DiagnosticIds.NotationForm),
        ("duplicate", DiagnosticIds.NotationDuplicate),
        ("unused", DiagnosticIds.NotationUnused),
        ("undeclared", DiagnosticIds.NotationUndeclared),
        ("undefined-macro", DiagnosticIds.UndefinedMacro),
    ];

    private static readonly ImmutableDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["italic"] = "italic-operator", ["italic-operators"] = "italic-operator", ["form"] = "notation-form",
        ["notation-duplicate"] = "duplicate", ["notation-unused"] = "unused", ["notation-undeclared"] = "undeclared",
        ["macro"] = "undefined-macro", ["undefined-macros"] = "undefined-macro",
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Severity per diagnostic id; a missing id or null means the rule is off.</summary>
    public ImmutableDictionary<string, Severity?> Severities { get; init; } = new Dictionary<string, Severity?>
    {
        [DiagnosticIds.ItalicOperator] = Severity.Warning,
        [DiagnosticIds.NotationForm] = Severity.Warning,
        [DiagnosticIds.NotationDuplicate] = Severity.Error,
        [DiagnosticIds.NotationUnused] = Severity.Warning,
        [DiagnosticIds.NotationUndeclared] = Severity.Warning,
        [DiagnosticIds.UndefinedMacro] = Severity.Error,
    }.ToImmutableDictionary();

    /// <summary>Strict mode: also report symbols used but not declared (bold letters, single Greek letters).</summary>
    public bool Strict { get; init; }

    public Severity? SeverityOf(string id) =>
        id == DiagnosticIds.NotationUndeclared && !Strict ? null : Severities.GetValueOrDefault(id);

    /// <summary>Sets a rule (by name, alias or id) to a severity, or off with null.</summary>
    public LintOptions With(string rule, Severity? severity) =>
        IdOf(rule) is { } id ? this with { Severities = Severities.SetItem(id, severity) } : this;

    public static string? IdOf(string rule)
    {
        var r = rule.Trim();
        if (Rules.Any(x => x.Id.Equals(r, StringComparison.OrdinalIgnoreCase))) return r.ToUpperInvariant();
        if (Aliases.TryGetValue(r, out var alias)) r = alias;
        return Rules.FirstOrDefault(x => x.Rule.Equals(r, StringComparison.OrdinalIgnoreCase)).Id;
    }

    /// <summary>Reads the front matter <c>lint:</c> map; unknown keys or values are warnings (BK1002), never fatal.</summary>
    public static LintOptions FromMetadata(Metadata metadata, string path = "", DiagnosticBag? diagnostics = null)
    {
        var options = Default;
        if (!metadata.Raw.TryGetValue("lint", out var value) || value is null) return options;
        var at = SourceSpan.None with { Path = path };
        if (value is not Dictionary<object, object?> map)
        {
            diagnostics?.Add(Diagnostic.Warning(DiagnosticIds.FrontMatter, at, "'lint' must be a map of rule: severity (e.g. lint: { unused: off, strict: true })"));
            return options;
        }
        foreach (var (k, v) in map)
        {
            var key = k.ToString() ?? "";
            var text = v?.ToString()?.Trim().ToLowerInvariant() ?? "off";
            if (key.Equals("strict", StringComparison.OrdinalIgnoreCase))
            {
                options = options with { Strict = text is "true" or "yes" or "on" };
                continue;
            }
            if (IdOf(key) is not { } id)
            {
                diagnostics?.Add(Diagnostic.Warning(DiagnosticIds.FrontMatter, at,
                    $"unknown lint rule '{key}'; known: strict, {string.Join(", ", Rules.Select(r => r.Rule))}"));
                continue;
            }
            Severity? severity = text switch
            {
                "error" => Severity.Error,
                "warning" or "warn" => Severity.Warning,
                "info" or "note" or "notice" => Severity.Info,
                "off" or "none" or "false" or "no" or "ignore" => null,
                _ => KeepWithWarning(options, id, key, text, at, diagnostics),
            };
            options = options with { Severities = options.Severities.SetItem(id, severity) };
            if (id == DiagnosticIds.NotationUndeclared && severity is not null) options = options with { Strict = true };
        }
        return options;
    }

    private static Severity? KeepWithWarning(LintOptions options, string id, string key, string text, SourceSpan at, DiagnosticBag? diagnostics)
    {
        diagnostics?.Add(Diagnostic.Warning(DiagnosticIds.FrontMatter, at, $"lint rule '{key}': unknown severity '{text}' (error, warning, info, off)"));
        return options.Severities.GetValueOrDefault(id);
    }
}
