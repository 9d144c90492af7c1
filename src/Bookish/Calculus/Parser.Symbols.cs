namespace Bookish.Calculus;

internal sealed partial class Parser
{
    /// <summary>Reads a bare name: <c>x</c>, <c>\alpha</c>, <c>\mathbf{x}</c>, <c>\hat{y}</c>; null for <c>\mathbf{1}</c>-style constants.</summary>
    private (string Name, bool Bold, string? Constant) ReadName()
    {
        var t = Next();
        if (t.Kind == TokenKind.Letter) return (t.Text, false, null);
        if (t.Kind == TokenKind.Command && Greek.Contains(t.Text)) return ("\\" + t.Text, false, null);
        if (t.Kind == TokenKind.Command && (BoldCommands.Contains(t.Text) || Accents.Contains(t.Text)))
        {
            bool bold = BoldCommands.Contains(t.Text);
            var group = ReadGroup();
            // \overrightarrow{\mathbf 1}, \vec{\mathbf{0}}: the ones and zero vectors written with an arrow.
            var core = group.Where(g => !g.IsSymbol("{") && !g.IsSymbol("}") && !(g.Kind == TokenKind.Command && BoldCommands.Contains(g.Text))).ToList();
            if (core.Count == 1 && core[0].Kind == TokenKind.Number && core[0].Text is "1" or "0" && (bold || t.Text == "overrightarrow"))
                return ("", true, core[0].Text == "1" ? "ones" : "zero");
            if (group.Count == 1)
            {
                var g = group[0];
                if (bold && g.Kind == TokenKind.Number && g.Text is "1" or "0") return ("", true, g.Text == "1" ? "ones" : "zero");
                if (bold && g.IsLetter("I") && !_settings.Variables.Contains("\\mathbf{I}")) return ("", true, "identity");
                string inner = g.Kind == TokenKind.Letter ? g.Text
                    : g.Kind == TokenKind.Command && Greek.Contains(g.Text) ? "\\" + g.Text
                    : throw new CalcException("unsupported name", t.Start, g.End);
                return bold ? ($"\\mathbf{{{inner}}}", true, null) : ($"\\{t.Text}{{{inner}}}", false, null);
            }
            throw new CalcException("unsupported name", t.Start, _t[_p - 1].End);
        }
        throw Unexpected(t);
    }

    private static string SubscriptText(List<Token> group) =>
        string.Concat(group.Select(g => g.Kind == TokenKind.Command ? "\\" + g.Text : g.Text));

    /// <summary>Parses a name with optional subscript: used for declarations, parameters and differentiation variables.</summary>
    internal Expr ParseVariable()
    {
        int start = Peek.Start;
        var (name, bold, constant) = ReadName();
        if (constant != null) throw new CalcException("expected a variable", start, _t[_p - 1].End);
        if (!Peek.IsSymbol("_")) return new SymbolExpr(name, bold, start, _t[_p - 1].End);
        _p++;
        var group = ReadGroup();
        string full = name + "_" + SubscriptText(group);
        int end = _t[_p - 1].End;
        if (_settings.Variables.Contains(full) || _settings.Functions.Contains(full)) return new SymbolExpr(full, bold, start, end);
        return new IndexExpr(new SymbolExpr(name, bold, start, end), ParseIndices(group), start, end);
    }

    private List<Expr> ParseIndices(List<Token> group)
    {
        if (group.Any(g => g.IsSymbol(",")))
        {
            var parts = new List<Expr>();
            var current = new List<Token>();
            foreach (var g in group)
            {
                if (g.IsSymbol(",")) { parts.Add(ParseSubExpr(current)); current = []; }
                else current.Add(g);
            }
            parts.Add(ParseSubExpr(current));
            return parts;
        }
        if (group.Count == 2 && group.All(g => g.Kind is TokenKind.Letter or TokenKind.Number))
            return [ParseSubExpr([group[0]]), ParseSubExpr([group[1]])];
        return [ParseSubExpr(group)];
    }

    private Expr ParseSymbolOrCall()
    {
        int start = Peek.Start;
        var (name, bold, constant) = ReadName();
        if (constant != null)
        {
            Expr? size = null;
            if (Peek.IsSymbol("_")) { _p++; size = ParseSubExpr(ReadGroup()); }
            return new ConstantExpr(constant, size, start, _t[_p - 1].End);
        }
        Expr target;
        string full = name;
        if (Peek.IsSymbol("_"))
        {
            _p++;
            var group = ReadGroup();
            full = name + "_" + SubscriptText(group);
            int end = _t[_p - 1].End;
            if (name == "\\lambda" && Peek.IsSymbol("(") && !_settings.Variables.Contains(full) && !_settings.Functions.Contains(full))
                return ParseEigenvalue(group, start);
            // f_1(x), f_n(x), f_{#k}(x) with one family f_i defined: a call of the family's member (Evaluator.FamilyMember).
            bool member = !bold && group is [{ Kind: TokenKind.Number or TokenKind.Letter }] && Peek.IsSymbol("(") && (FamilyOf(_settings.Functions, name) != null || _settings.Functions.Contains($"\\mathbf{{{name}}}"));
            target = _settings.Variables.Contains(full) || _settings.Functions.Contains(full) || member
                ? new SymbolExpr(full, bold, start, end)
                : new IndexExpr(new SymbolExpr(name, bold, start, end), ParseIndices(group), start, end);
        }
        else target = new SymbolExpr(name, bold, start, _t[_p - 1].End);

        int primes = 0;
        while (Peek.IsSymbol("'") || (Peek.IsSymbol("^") && PeekAt(1).IsCommand("prime"))) { _p += Peek.IsSymbol("'") ? 1 : 2; primes++; }

        bool isFunction = _settings.Functions.Contains(full) || full == "\\sigma";
        bool looksLikeCall = Peek.IsSymbol("(") && target is SymbolExpr && (isFunction || (!_settings.Variables.Contains(full) && full != "e"));
        if (looksLikeCall)
        {
            _p++;
            var args = new List<Expr> { ParseExpr() };
            while (Peek.IsSymbol(",")) { _p++; args.Add(ParseExpr()); }
            Expect(")");
            return new CallExpr(full, args, primes, start, _t[_p - 1].End);
        }
        if (primes > 0)
        {
            if (_settings.Functions.Contains(full)) return new CallExpr(full, [], primes, start, _t[_p - 1].End);
            throw new CalcException("prime notation needs a defined function", start, _t[_p - 1].End);
        }
        if (target is SymbolExpr s && _settings.Functions.Contains(full)) return new CallExpr(s.Name, [], 0, start, s.End);
        return target;
    }

    /// <summary><c>\lambda_{\max}(\mathbf{X})</c>, <c>\lambda_{\min}(\mathbf{X})</c>, <c>\lambda_i(\mathbf{X})</c> (i bound by a sum or product).</summary>
    private Expr ParseEigenvalue(List<Token> group, int start)
    {
        _p++;
        var arg = ParseExpr();
        Expect(")");
        int end = _t[_p - 1].End;
        string word = string.Concat(group.Where(g => g.Kind is TokenKind.Letter or TokenKind.Command && !g.IsCommand("text")).Select(g => g.Text));
        if (word is "max") return new FunctionExpr("lambdamax", [arg], start, end);
        if (word is "min") return new FunctionExpr("lambdamin", [arg], start, end);
        if (group.Count == 1 && group[0].Kind == TokenKind.Letter) return new FunctionExpr("eigat", [ParseSubExpr(group), arg], start, end);
        throw new CalcException("an eigenvalue with a fixed number: their order is not standard (write \\lambda_{\\max} or \\lambda_{\\min}, or sum over i)", start, end);
    }
}
