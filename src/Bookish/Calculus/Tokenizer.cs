namespace Bookish.Calculus;

/// <summary>Splits LaTeX math into tokens, dropping spacing and delimiter-sizing commands.</summary>
internal static class Tokenizer
{
    private static readonly System.Collections.Frozen.FrozenSet<string> Ignored = CalculusTables.Ignored;

    public static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c) || c == '~') { i++; continue; }
            if (c == '\\')
            {
                int start = i;
                if (i + 1 < s.Length && char.IsAsciiLetter(s[i + 1]))
                {
                    int j = i + 1;
                    while (j < s.Length && char.IsAsciiLetter(s[j])) j++;
                    string name = s.Substring(i + 1, j - i - 1);
                    i = j;
                    if (name is "left" or "right" && i < s.Length && s[i] == '.') { i++; continue; }
                    if (Ignored.Contains(name)) continue;
                    switch (name)
                    {
                        case "lVert" or "rVert" or "Vert": tokens.Add(new Token(TokenKind.DoubleBar, "||", start, i)); break;
                        case "lvert" or "rvert" or "vert" or "mid": tokens.Add(new Token(TokenKind.Symbol, "|", start, i)); break;
                        case "lbrace": tokens.Add(new Token(TokenKind.Symbol, "(", start, i)); break;
                        case "rbrace": tokens.Add(new Token(TokenKind.Symbol, ")", start, i)); break;
                        case "lbrack": tokens.Add(new Token(TokenKind.Symbol, "[", start, i)); break;
                        case "rbrack": tokens.Add(new Token(TokenKind.Symbol, "]", start, i)); break;
                        default: tokens.Add(new Token(TokenKind.Command, name, start, i)); break;
                    }
                    continue;
                }
                char n = i + 1 < s.Length ? s[i + 1] : ' ';
                i += 2;
                switch (n)
                {
                    case '|': tokens.Add(new Token(TokenKind.DoubleBar, "||", start, i)); break;
                    case '\\': tokens.Add(new Token(TokenKind.RowSeparator, "\\\\", start, i)); break;
                    case '{': tokens.Add(new Token(TokenKind.Symbol, "(", start, i)); break;
                    case '}': tokens.Add(new Token(TokenKind.Symbol, ")", start, i)); break;
                    default: break; // \, \; \! \: \  and friends are spacing
                }
                continue;
            }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                int j = i;
                while (j < s.Length && (char.IsAsciiDigit(s[j]) || s[j] == '.')) j++;
                tokens.Add(new Token(TokenKind.Number, s[i..j], i, j));
                i = j;
                continue;
            }
            if (char.IsAsciiLetter(c)) { tokens.Add(new Token(TokenKind.Letter, c.ToString(), i, i + 1)); i++; continue; }
            tokens.Add(new Token(TokenKind.Symbol, c.ToString(), i, i + 1));
            i++;
        }
        tokens.Add(new Token(TokenKind.End, "", s.Length, s.Length));
        return tokens;
    }
}
