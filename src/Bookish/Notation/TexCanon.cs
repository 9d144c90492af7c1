using Bookish.Model;

namespace Bookish.Notation;

/// <summary>Canonical token sequences of TeX, so <c>\mathbf x</c>, <c>\mathbf{x}</c> and <c>\vx</c> (a macro for it) compare equal.</summary>
internal static class TexCanon
{
    private const int MaxExpansionDepth = 8;

    public static string Key(string tex) => Key(Tokens(tex));

    public static string Key(IEnumerable<CanonToken> tokens) => string.Join(" ", tokens.Select(t => t.Text));

    public static List<CanonToken> Tokens(string tex, IReadOnlyDictionary<string, MacroDefinition>? macros = null)
    {
        var located = Expand(TexTokenizer.Tokenize(tex), macros, 0, null);
        var result = new List<CanonToken>();
        new Emitter(located, result).Sequence(0, false);
        return result;
    }

    private readonly record struct Located(TexToken Token, int Start, int End, bool FromMacro);

    private static List<Located> Expand(List<TexToken> tokens, IReadOnlyDictionary<string, MacroDefinition>? macros, int depth, (int Start, int End)? at)
    {
        var result = new List<Located>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (macros is null || depth >= MaxExpansionDepth || t.Kind != TexTokenKind.Command
                || !macros.TryGetValue(t.Text[1..], out var macro))
            {
                result.Add(at is { } a ? new Located(t, a.Start, a.End, true) : new Located(t, t.Start, t.End, false));
                continue;
            }
            var args = new List<string>();
            var j = i + 1;
            var end = t.End;
            for (var k = 0; k < macro.Arguments; k++)
            {
                while (j < tokens.Count && tokens[j].Kind == TexTokenKind.Space) j++;
                if (j >= tokens.Count) break;
                if (tokens[j].Kind == TexTokenKind.Open)
                {
                    var close = MatchingClose(tokens, j);
                    args.Add(string.Concat(tokens.Skip(j + 1).Take(close - j - 1).Select(x => x.Text)));
                    end = close < tokens.Count ? tokens[close].End : tokens[^1].End;
                    j = close + 1;
                }
                else
                {
                    args.Add(tokens[j].Text);
                    end = tokens[j].End;
                    j++;
                }
            }
            var body = macro.Body;
            for (var k = args.Count; k >= 1; k--) body = body.Replace("#" + k, args[k - 1]);
            var inner = TexTokenizer.Tokenize(body).Select(x => x with { Context = Max(x.Context, t.Context), Font = x.Font ?? t.Font }).ToList();
            result.AddRange(Expand(inner, macros, depth + 1, at ?? (t.Start, end)));
            i = j - 1;
        }
        return result;
    }

    private static TexContext Max(TexContext a, TexContext b) => a > b ? a : b;

    private static int MatchingClose(List<TexToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TexTokenKind.Open) depth++;
            else if (tokens[i].Kind == TexTokenKind.Close && --depth == 0) return i;
        }
        return tokens.Count;
    }

    private sealed class Emitter(List<Located> tokens, List<CanonToken> output)
    {
        private void Emit(Located l, string? text = null) =>
            output.Add(new CanonToken(text ?? l.Token.Text, l.Start, l.End, l.Token.Context, l.FromMacro));

        private void EmitLetters(Located l)
        {
            var t = l.Token;
            for (var k = 0; k < t.Text.Length; k++)
            {
                var (s, e) = l.FromMacro ? (l.Start, l.End) : (l.Start + k, l.Start + k + 1);
                output.Add(new CanonToken(t.Text[k].ToString(), s, e, t.Context, l.FromMacro));
            }
        }

        private static int ArgumentCount(TexToken t) =>
            t.Kind == TexTokenKind.Command && TexCommands.Arguments.TryGetValue(t.Text, out var modes) ? modes.Length
            : t.Kind == TexTokenKind.Char && t.Text is "_" or "^" ? 1
            : 0;

        /// <summary>Emits tokens from <paramref name="i"/>; stops before an unmatched <c>}</c> when <paramref name="inGroup"/>.</summary>
        public int Sequence(int i, bool inGroup)
        {
            while (i < tokens.Count)
            {
                var t = tokens[i].Token;
                if (t.Kind == TexTokenKind.Space) { i++; continue; }
                if (t.Kind == TexTokenKind.Close && inGroup) return i;
                if (ArgumentCount(t) is var k and > 0)
                {
                    Emit(tokens[i]);
                    i++;
                    i = SkipSpaces(i);
                    if (i < tokens.Count && tokens[i].Token.Is(TexTokenKind.Char, "*")) Emit(tokens[i++]);
                    for (var a = 0; a < k; a++)
                    {
                        i = SkipSpaces(i);
                        if (i < tokens.Count && tokens[i].Token.Is(TexTokenKind.Char, "["))
                            while (i < tokens.Count) { var o = tokens[i++]; Emit(o); if (o.Token.Is(TexTokenKind.Char, "]")) break; }
                        i = SkipSpaces(i);
                        if (i >= tokens.Count || tokens[i].Token.Kind == TexTokenKind.Close) break;
                        i = Argument(i);
                    }
                    continue;
                }
                if (t.Kind == TexTokenKind.Open) { i = Group(i); continue; }
                if (t.Kind == TexTokenKind.Letters) { EmitLetters(tokens[i]); i++; continue; }
                Emit(tokens[i]);
                i++;
            }
            return i;
        }

        private int SkipSpaces(int i)
        {
            while (i < tokens.Count && tokens[i].Token.Kind == TexTokenKind.Space) i++;
            return i;
        }

        private int Group(int i)
        {
            Emit(tokens[i]);
            var j = Sequence(i + 1, true);
            if (j < tokens.Count) { Emit(tokens[j]); j++; }
            return j;
        }

        private int Argument(int i)
        {
            var l = tokens[i];
            if (l.Token.Kind == TexTokenKind.Open) return Group(i);
            Emit(l, "{");
            if (l.Token.Kind == TexTokenKind.Letters)
            {
                var first = l with { Token = l.Token with { Text = l.Token.Text[..1] }, End = l.FromMacro ? l.End : l.Start + 1 };
                Emit(first);
                Emit(first, "}");
                if (l.Token.Text.Length > 1)
                    EmitLetters(l with { Token = new TexToken(l.Token.Kind, l.Token.Text[1..], l.Start + 1) { Context = l.Token.Context, Font = l.Token.Font }, Start = l.FromMacro ? l.Start : l.Start + 1 });
                return i + 1;
            }
            Emit(l);
            Emit(l, "}");
            return i + 1;
        }
    }
}
