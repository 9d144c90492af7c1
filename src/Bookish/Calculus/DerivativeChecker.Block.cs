using Bookish.Diagnostics;
using Bookish.Text;

namespace Bookish.Calculus;

internal static partial class DerivativeChecker
{
    private sealed record BlockLine(string Key, string Value, int Line, int Column);

    /// <summary>
    /// Checks a fenced <c>check</c> block (lines <c>layout:</c>, <c>declare:</c>, <c>define:</c>, one or more
    /// <c>claim:</c>; other lines continue the previous key). <paramref name="span"/> is the position of the block
    /// text's first character; claim diagnostics point at the claim text. Declarations and definitions made here are
    /// added to the returned <see cref="CheckBlockVerdict.Context"/>.
    /// </summary>
    public static CheckBlockVerdict CheckBlock(string blockSource, SourceSpan span, CheckContext context)
    {
        var lines = ReadLines(blockSource ?? "", span)
            .Select(l => l.Key == "layout" ? l : l with { Value = MacroExpander.Expand(l.Value, context.Macros) }).ToList();
        string Join(string key, string sep) => string.Join(sep, lines.Where(l => l.Key == key).Select(l => l.Value));
        string declare = Join("declare", ", ");
        string define = Join("define", "; ");
        string layoutText = lines.LastOrDefault(l => l.Key == "layout")?.Value ?? context.DefaultLayout;
        var next = context.WithDeclarations(declare).WithDefinitions(define);
        string allDeclare = context.Combine(context.Declarations, declare, ", ");
        string allDefine = context.Combine(context.Definitions, define, "; ");

        var verdicts = new List<Verdict>();
        var diagnostics = new List<Diagnostic>();
        var claims = lines.Where(l => l.Key == "claim").ToList();
        if (claims.Count == 0)
        {
            var v = new Verdict(VerdictKind.NotCheckable, "the check block has no 'claim:' line");
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.DerivativeNotCheckable, span, v.Message));
            return new CheckBlockVerdict(v, [v], [], diagnostics, next);
        }
        foreach (var c in claims)
        {
            var v = CheckClaim(allDeclare, allDefine, c.Value, layoutText, context.Seed);
            verdicts.Add(v);
            var claimSpan = new SourceSpan(span.Path, c.Line, c.Column, c.Line, c.Column + Math.Max(0, c.Value.Length - 1));
            if (v.Kind == VerdictKind.Refuted)
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.DerivativeRefuted, claimSpan, "derivative claim refuted: " + string.Join("; ", v.Details().Split('\n').Select(l => l.Trim()))));
            else if (v.Kind == VerdictKind.NotCheckable)
            {
                var at = claimSpan;
                if (v.Part == "claim" && v.Start >= 0) at = at with { Column = c.Column + v.Start, EndColumn = c.Column + Math.Max(v.Start, v.End - 1) };
                else if (v.Part is "declare" or "define" && lines.FirstOrDefault(l => l.Key == v.Part) is { } kl)
                    at = new SourceSpan(span.Path, kl.Line, kl.Column, kl.Line, kl.Column + Math.Max(0, kl.Value.Length - 1));
                diagnostics.Add(v.TooLarge
                    ? Diagnostic.Error(DiagnosticIds.InputTooDeep, at, "derivative claim too large to read: " + v.Message)
                    : Diagnostic.Warning(DiagnosticIds.DerivativeNotCheckable, at, "derivative claim not checkable: " + v.ToString().Replace('\n', ' ')));
            }
        }
        var overall = verdicts.FirstOrDefault(v => v.Kind == VerdictKind.Refuted)
            ?? verdicts.FirstOrDefault(v => v.Kind == VerdictKind.NotCheckable)
            ?? verdicts[0];
        return new CheckBlockVerdict(overall, verdicts, claims.Select(c => c.Value).ToList(), diagnostics, next);
    }

    private static List<BlockLine> ReadLines(string source, SourceSpan span)
    {
        var result = new List<BlockLine>();
        var raw = source.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < raw.Length; i++)
        {
            string text = raw[i];
            int line = span.IsNone ? i + 1 : span.Line + i;
            int baseColumn = i == 0 && !span.IsNone ? span.Column : 1;
            int colon = text.IndexOf(':');
            string key = colon > 0 ? text[..colon].Trim().ToLowerInvariant() : "";
            if (key is "layout" or "declare" or "define" or "claim")
            {
                int valueStart = colon + 1;
                while (valueStart < text.Length && char.IsWhiteSpace(text[valueStart])) valueStart++;
                result.Add(new BlockLine(key, text[valueStart..].TrimEnd(), line, baseColumn + valueStart));
            }
            else if (text.Trim().Length > 0 && result.Count > 0)
            {
                var last = result[^1];
                result[^1] = last with { Value = last.Value + " " + text.Trim() };
            }
        }
        return result;
    }
}
