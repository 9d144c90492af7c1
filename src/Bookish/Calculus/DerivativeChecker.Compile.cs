namespace Bookish.Calculus;

internal static partial class DerivativeChecker
{
    /// <summary>
    /// Compiles a scalar expression of one variable for plotting: <c>\max(0, x)</c>, <c>\sigma(x)</c> (logistic unless
    /// defined), <c>\frac{d}{dx}\sigma(x)</c> (numeric derivative). The context's definitions and declarations are in
    /// scope. Returns null with <paramref name="error"/> on bad input; the function returns NaN outside its domain.
    /// </summary>
    public static Func<double, double>? CompileScalarFunction(string latex, string variable, CheckContext context, out string? error)
    {
        error = null;
        latex = MacroExpander.Expand(latex, context.Macros);
        try
        {
            var (varName, _) = Parser.ParseName(Tokenizer.Tokenize(variable).Where(t => t.Kind != TokenKind.End).ToList(), variable);
            var decls = DeclarationParser.Parse(context.Combine(context.Declarations, "", ", "));
            var functions = new HashSet<string>();
            var defs = DefinitionParser.Parse(context.Combine(context.Definitions, "", "; "), decls, functions);
            decls = decls.Without(defs.Select(d => d.Name).ToHashSet());
            var variables = new HashSet<string>(decls.Symbols.Select(s => s.Name).Concat(decls.Sizes.Keys)) { varName };
            var expr = Parser.Parse(latex, new ParseSettings(functions, variables));
            TryParseLayout(context.DefaultLayout, out var layout);
            var evaluator = new Evaluator(defs.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.Last()), decls.Sizes, layout, decls.ElementwiseOtimes) { ElementwiseFunctions = decls.ElementwiseFunctions };
            Value Eval(double x) => evaluator.Eval(expr, new Dictionary<string, Value> { [varName] = Value.Scalar(x) });
            var probe = Eval(0.5);
            if (!probe.IsScalar) { error = $"the expression is {probe.ShapeText}, not a scalar"; return null; }
            return x =>
            {
                if (EvalBudget.IsSpent) return double.NaN;
                try
                {
                    var v = Eval(x);
                    return v.IsScalar ? v.ScalarValue : double.NaN;
                }
                catch (CalcException)
                {
                    return double.NaN;
                }
            };
        }
        catch (CalcException ex)
        {
            error = ex.SourceStart >= 0 && ex.SourceEnd <= latex.Length && ex.SourceEnd > ex.SourceStart
                ? $"{ex.Reason} at '{latex[ex.SourceStart..ex.SourceEnd]}'"
                : ex.Reason;
            return null;
        }
    }
}
