using Bookish.Equations;
using Bookish.Model;
using Bookish.Notation;
using static Bookish.Tests.Notation.NotationTestKit;

namespace Bookish.Tests.Notation;

public class NotationTableTests
{
    private static readonly string Doc = Lines(
        "---",
        "notation:",
        "  - {symbol: '\\mathbf{W}', meaning: weights, kind: matrix, shape: 'm \\times n', search: weight matrix}",
        "  - {symbol: '\\mathbf{x}', meaning: input vector, kind: vector, shape: n, macro: '\\vx'}",
        "  - {symbol: '\\theta', meaning: unused parameter, kind: scalar}",
        "  - {symbol: '\\mathbf{x}', meaning: again, kind: vector}",
        "---",
        "",
        "The input $\\vx$ comes first.",            // 9
        "",
        "\\begin{equation}",                          // 11
        "\\mathbf{y} = \\mathbf{W}\\vx \\label{eq:y}",
        "\\end{equation}",
        "",
        "```notation",
        "table",
        "```");

    [Fact]
    public void Rows_follow_declaration_order_once_per_symbol_with_the_first_use_anchor()
    {
        var p = Read(Doc);

        var rows = NotationTable.Rows(p.Document, p.Notation);

        Assert.Equal([
            new NotationRow(@"\mathbf{W}", "weights", "matrix", @"m \times n", "weight matrix", "eq-1"),
            new NotationRow(@"\mathbf{x}", "input vector", "vector", "n", null, null),
            new NotationRow(@"\theta", "unused parameter", "scalar", null, null, null),
        ], rows);
    }

    [Fact]
    public void Inline_first_uses_give_their_span_and_the_caller_maps_it_to_an_anchor()
    {
        var p = Read(Doc);

        var uses = NotationTable.Uses(p.Document, p.Notation);
        var rows = NotationTable.Rows(p.Document, p.Notation, span => span.Line == 9 ? "p-9" : null);

        var use = uses[1].FirstUse!;
        Assert.True(use.Inline);
        Assert.Equal((9, 11), (use.Span.Line, use.Span.Column));
        Assert.Equal("p-9", rows[1].FirstUseId);
        Assert.Null(uses[2].FirstUse);
    }

    [Fact]
    public void Symbols_and_shapes_of_the_table_are_collected_for_rendering()
    {
        var p = Read(Doc);

        var fragments = MathCollector.Collect([p.Document], NotationTable.MathOf(p.Notation));

        var inline = fragments.Where(f => f.Mode == MathMode.Inline).Select(f => f.Tex).ToList();
        Assert.Contains(@"\mathbf{W}", inline);
        Assert.Contains(@"m \times n", inline);
        Assert.Contains(@"\theta", inline);
    }
}
