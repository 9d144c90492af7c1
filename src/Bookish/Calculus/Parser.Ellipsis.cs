namespace Bookish.Calculus;

internal sealed partial class Parser
{
    /// <summary>The index an ellipsis list runs over; no TeX letter reads as it, so it never meets a name of the claim.</summary>
    internal const string ListIndex = "#k";

    /// <summary>
    /// A row <c>e_1, e_2, \ldots, e_n</c> (in <c>bmatrix</c> or <c>[ ]</c>) or a column <c>e_1 \\ e_2 \\ \ldots \\ e_n</c>:
    /// the entries written are one pattern, equal token for token except where the first has <c>1</c> (the second <c>2</c>)
    /// and the last one letter (<c>n</c>), whose declared value is the length. Entries with no index (<c>z, z, \ldots, z</c>)
    /// are as many as the declared <c>n</c>. Null when no item is a lone <c>\ldots</c> (read as usual); anything else
    /// (two ellipses, entries that differ elsewhere, a count that is not one letter) throws: not checkable.
    /// <paramref name="p"/> is at the first token after <c>[</c> or <c>\begin{…}</c>; on success it is at the closer.
    /// </summary>
    private Expr? TryParseEllipsisList(int p, string? close, int start, out int closer)
    {
        closer = -1;
        var items = new List<List<Token>>();
        var item = new List<Token>();
        char? sep = null;
        int depth = 0, envs = 0;
        for (; ; p++)
        {
            var t = _t[p];
            if (t.Kind == TokenKind.End) return null;
            if (depth == 0 && envs == 0 && (close != null ? t.IsSymbol(close) : t.IsCommand("end"))) break;
            if (t.Kind == TokenKind.Symbol && t.Text is "{" or "(" or "[") depth++;
            else if (t.Kind == TokenKind.Symbol && t.Text is "}" or ")" or "]") depth--;
            else if (t.IsCommand("begin")) envs++;
            else if (t.IsCommand("end")) envs--;
            if (depth == 0 && envs == 0 && (t.IsSymbol(",") || t.IsSymbol("&") || t.Kind == TokenKind.RowSeparator))
            {
                char s = t.IsSymbol(",") ? ',' : t.IsSymbol("&") ? '&' : '\n';
                if (sep != null && sep != s) return null;
                sep = s;
                items.Add(item);
                item = [];
                continue;
            }
            item.Add(t);
        }
        if (item.Count > 0 || sep != '\n') items.Add(item);
        int dots = items.FindIndex(i => i is [{ Kind: TokenKind.Command } d] && IsDots(d.Text));
        if (dots < 0 || sep is null or '&') return null;
        int end = _t[p].End;
        closer = p;
        if (items.FindLastIndex(i => i is [{ Kind: TokenKind.Command } d] && IsDots(d.Text)) != dots)
            throw new CalcException("a list with two ellipses: cannot tell which pattern it follows", start, end);
        if (dots == 0 || dots != items.Count - 2)
            throw new CalcException("a list with '\\ldots' needs its first entries before and its last entry after it", start, end);
        List<Token> first = items[0], last = items[^1];
        if (first.Count != last.Count || first.Count == 0)
            throw new CalcException("the entries around '\\ldots' do not follow one pattern", start, end);
        var at = new List<int>();
        string? count = null;
        for (int k = 0; k < first.Count; k++)
        {
            if (first[k].Kind == last[k].Kind && first[k].Text == last[k].Text) continue;
            if (!(first[k] is { Kind: TokenKind.Number, Text: "1" } && last[k].Kind == TokenKind.Letter && (count == null || count == last[k].Text)))
                throw new CalcException("the entries around '\\ldots' do not follow one pattern", start, end);
            count = last[k].Text;
            at.Add(k);
        }
        for (int j = 1; j < dots; j++)
        {
            var e = items[j];
            bool ok = e.Count == first.Count;
            for (int k = 0; ok && k < first.Count; k++)
                ok = at.Contains(k) ? e[k] is { Kind: TokenKind.Number } n && n.Text == (j + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : e[k].Kind == first[k].Kind && e[k].Text == first[k].Text;
            if (!ok) throw new CalcException("the entries around '\\ldots' do not follow one pattern", start, end);
        }
        var template = first.Select((t, k) => at.Contains(k) ? t with { Kind = TokenKind.Letter, Text = ListIndex } : t).ToList();
        var body = ParseSubExpr(template);
        var list = new FunctionExpr("list", [body, new SymbolExpr(count ?? "n", false, start, end)], start, end);
        return sep == ',' ? new TransposeExpr("T", list, start, end) : list;
    }

    /// <summary>The one function named <c>base_L</c> (L a letter) among <paramref name="names"/>, or null: f_i stands for f_1, f_2, …, f_n.</summary>
    internal static string? FamilyOf(IEnumerable<string> names, string @base)
    {
        var found = names.Where(f => f.Length == @base.Length + 2 && f.StartsWith(@base + "_", StringComparison.Ordinal) && char.IsAsciiLetter(f[^1])).Take(2).ToList();
        return found.Count == 1 ? found[0] : null;
    }
}
