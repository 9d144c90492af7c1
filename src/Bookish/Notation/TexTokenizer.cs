namespace Bookish.Notation;

/// <summary>Splits TeX math into tokens and marks each with its context (math, font argument, text, raw).</summary>
internal static class TexTokenizer
{
    public static List<TexToken> Tokenize(string tex) => Annotate(Split(tex));

    internal static List<TexToken> Split(string tex)
    {
        var list = new List<TexToken>();
        var i = 0;
        while (i < tex.Length)
        {
            var c = tex[i];
            var j = i + 1;
            TexTokenKind kind;
            if (c == '\\')
            {
                if (j < tex.Length && char.IsAsciiLetter(tex[j]))
                {
                    while (j < tex.Length && char.IsAsciiLetter(tex[j])) j++;
                    kind = TexTokenKind.Command;
                }
                else
                {
                    if (j < tex.Length) j++;
                    kind = TexTokenKind.ControlSymbol;
                }
            }
            else if (c == '%')
            {
                while (j < tex.Length && tex[j] != '\n') j++;
                i = j;
                continue;
            }
            else if (char.IsAsciiLetter(c))
            {
                while (j < tex.Length && char.IsAsciiLetter(tex[j])) j++;
                kind = TexTokenKind.Letters;
            }
            else if (char.IsWhiteSpace(c))
            {
                while (j < tex.Length && char.IsWhiteSpace(tex[j])) j++;
                kind = TexTokenKind.Space;
            }
            else kind = c switch { '{' => TexTokenKind.Open, '}' => TexTokenKind.Close, _ => TexTokenKind.Char };
            list.Add(new TexToken(kind, tex[i..j], i));
            i = j;
        }
        return list;
    }

    private sealed class Frame(TexContext context, string? font)
    {
        public TexContext Context = context;
        public string? Font = font;
        public Queue<(char Mode, string Command)> Pending = new();
        public bool JustCommand;
    }

    /// <summary>Gives every token its context, following command arguments (<c>{…}</c> or a single token) and font switches.</summary>
    internal static List<TexToken> Annotate(List<TexToken> tokens)
    {
        var result = new List<TexToken>(tokens.Count);
        var stack = new Stack<Frame>();
        stack.Push(new Frame(TexContext.Math, null));
        var inOptional = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var frame = stack.Peek();
            if (inOptional > 0)
            {
                // inside [...] of an optional argument: raw
                result.Add(t with { Context = TexContext.Raw, Font = frame.Font });
                if (t.Is(TexTokenKind.Char, "]")) inOptional--;
                continue;
            }
            if (frame.Pending.Count > 0 && t.Kind != TexTokenKind.Close)
            {
                if (t.Kind == TexTokenKind.Space || (frame.JustCommand && t.Is(TexTokenKind.Char, "*")))
                {
                    result.Add(t with { Context = frame.Context, Font = frame.Font });
                    continue;
                }
                if (t.Is(TexTokenKind.Char, "["))
                {
                    inOptional = 1;
                    result.Add(t with { Context = TexContext.Raw, Font = frame.Font });
                    continue;
                }
                var (mode, command) = frame.Pending.Dequeue();
                frame.JustCommand = false;
                var (ctx, font) = Inner(frame, mode, command);
                if (t.Kind == TexTokenKind.Open)
                {
                    result.Add(t with { Context = frame.Context, Font = frame.Font });
                    stack.Push(new Frame(ctx, font));
                    continue;
                }
                if (t.Kind == TexTokenKind.Letters && t.Text.Length > 1)
                {
                    // \mathbf xy: only x is the argument
                    result.Add(new TexToken(t.Kind, t.Text[..1], t.Start) { Context = ctx, Font = font });
                    result.Add(new TexToken(t.Kind, t.Text[1..], t.Start + 1) { Context = frame.Context, Font = frame.Font });
                    continue;
                }
                result.Add(t with { Context = ctx, Font = font });
                continue;
            }
            frame.JustCommand = false;
            switch (t.Kind)
            {
                case TexTokenKind.Open:
                    result.Add(t with { Context = frame.Context, Font = frame.Font });
                    stack.Push(new Frame(frame.Context, frame.Font));
                    break;
                case TexTokenKind.Close:
                    if (stack.Count > 1) stack.Pop();
                    var outer = stack.Peek();
                    result.Add(t with { Context = outer.Context, Font = outer.Font });
                    break;
                case TexTokenKind.Command:
                    result.Add(t with { Context = frame.Context, Font = frame.Font });
                    if (TexCommands.Arguments.TryGetValue(t.Text, out var modes))
                    {
                        frame.Pending.Clear();
                        foreach (var m in modes) frame.Pending.Enqueue((m, t.Text));
                        frame.JustCommand = true;
                    }
                    else if (TexCommands.FontSwitches.Contains(t.Text))
                    {
                        frame.Context = Max(frame.Context, TexContext.Font);
                        frame.Font = t.Text;
                    }
                    break;
                default:
                    result.Add(t with { Context = frame.Context, Font = frame.Font });
                    break;
            }
        }
        return result;
    }

    private static (TexContext, string?) Inner(Frame frame, char mode, string command) => mode switch
    {
        'f' => (Max(frame.Context, TexContext.Font), command),
        't' => (Max(frame.Context, TexContext.Text), frame.Font),
        'r' => (TexContext.Raw, frame.Font),
        _ => (frame.Context, frame.Font),
    };

    private static TexContext Max(TexContext a, TexContext b) => a > b ? a : b;
}
