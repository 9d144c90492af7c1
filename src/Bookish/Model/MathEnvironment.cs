namespace Bookish.Model;

/// <summary>How a display math block was written; decides numbering and the LaTeX emitted for the PDF.</summary>
internal enum MathEnvironment
{
    Display,        // $$…$$ or \[…\]
    Equation, EquationStar,
    Align, AlignStar,
    Gather, GatherStar,
    Multline, MultlineStar,
    RawLatex,       // a raw LaTeX block (tables, boxes) rendered as an image
}

internal static class MathEnvironmentExtensions
{
    public static string? LatexName(this MathEnvironment e) => e switch
    {
        MathEnvironment.Equation => "equation",
        MathEnvironment.EquationStar => "equation*",
        MathEnvironment.Align => "align",
        MathEnvironment.AlignStar => "align*",
        MathEnvironment.Gather => "gather",
        MathEnvironment.GatherStar => "gather*",
        MathEnvironment.Multline => "multline",
        MathEnvironment.MultlineStar => "multline*",
        _ => null,
    };

    public static MathEnvironment? FromLatexName(string name) => name switch
    {
        "equation" => MathEnvironment.Equation,
        "equation*" => MathEnvironment.EquationStar,
        "align" => MathEnvironment.Align,
        "align*" => MathEnvironment.AlignStar,
        "gather" => MathEnvironment.Gather,
        "gather*" => MathEnvironment.GatherStar,
        "multline" => MathEnvironment.Multline,
        "multline*" => MathEnvironment.MultlineStar,
        _ => null,
    };

    public static bool IsNumbered(this MathEnvironment e) =>
        e is MathEnvironment.Equation or MathEnvironment.Align or MathEnvironment.Gather or MathEnvironment.Multline;

    /// <summary>Environments whose rows are numbered one by one.</summary>
    public static bool IsMultiRow(this MathEnvironment e) =>
        e is MathEnvironment.Align or MathEnvironment.AlignStar or MathEnvironment.Gather or MathEnvironment.GatherStar;
}
