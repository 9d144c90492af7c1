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
            new NotationRow(@"\mathbf{W}", "weights", "matrix", @"m \times n", "weight matrix", "eq:y"),
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

public class NotationStageTests
{
    private static readonly string Doc = NotationTestKit.Lines(
        "---",
        "macros:",
        "  vx: \\mathbf{x}",
        "notation:",
        "  - {symbol: '\\mathbf{x}', meaning: input, kind: vector, shape: n, macro: '\\vx'}",
        "  - {symbol: '\\mathbf{W}', meaning: weights, kind: matrix, shape: 'm \\times n', macro: '\\mW'}",
        "  - {symbol: 'b', meaning: bias, kind: scalar}",
        "  - {symbol: '\\sigma', meaning: sigmoid, kind: function}",
        "  - {symbol: '\\mathbf{h}', meaning: hidden, kind: vector}",
        "  - {symbol: '\\nabla f', meaning: gradient, kind: operator}",
        "lint: { unused: off }",
        "---",
        "",
        "$y = max(\\mW\\vx + b)$");

    [Fact]
    public void One_call_reads_the_notation_and_lints_the_document()
    {
        var p = NotationTestKit.Read(Doc);
        var bag = new Bookish.Diagnostics.DiagnosticBag();

        var result = NotationCheck.Run(p.Document, bag, p.Source);

        Assert.Equal(6, result.Notation.Entries.Length);
        Assert.Equal(["BK5001@14:6"], result.Diagnostics.Select(NotationTestKit.At));
        Assert.Equal(result.Diagnostics, bag.ToList());
    }

    [Fact]
    public void Notation_macros_not_already_in_the_document_macros_go_to_the_preamble()
    {
        var p = NotationTestKit.Read(Doc);

        Assert.Equal(["mW"], p.Notation.MacrosBeyond(p.Document.Metadata).Select(m => m.Name));
    }

    [Fact]
    public void Scalars_vectors_and_matrices_with_shapes_become_checker_declarations()
    {
        var p = NotationTestKit.Read(Doc);

        Assert.Equal(@"\mathbf{x} \in \mathbb{R}^{n}, \mathbf{W} \in \mathbb{R}^{m \times n}, b \in \mathbb{R}",
            NotationDeclarations.DeclareText(p.Notation));
    }
}
