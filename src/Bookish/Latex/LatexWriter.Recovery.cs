using System.Collections.Immutable;
using System.Text;
using Bookish.Model;

namespace Bookish.Latex;

/// <summary>Visible markers for what could not be typeset: valid LaTeX whatever the failed source holds, wrapping within the text width.</summary>
internal sealed partial class LatexWriter
{
    /// <summary>A framed block: a short explanation, then the failed source in typewriter type (escaped, on one line, breakable).</summary>
    internal static string ErrorBox(string message, string source) =>
        $"\\bookisherror{{{LatexEscaper.Marker(message)}}}{{{LatexEscaper.Marker(source)}}}";

    /// <summary>An inline marker for a failed inline piece (an equation the renderer already reported).</summary>
    private static string BrokenMarker(string tex) => $"\\bookishbroken{{{LatexEscaper.Marker(tex)}}}";

    private void FailedBlock(Block block, string failure)
    {
        var what = block switch
        {
            Model.MathBlock { Environment: MathEnvironment.RawLatex } or RawBlock => "raw LaTeX block",
            Model.MathBlock => "equation",
            Model.Table => "table",
            Model.Figure => "figure",
            ListBlock => "list",
            Heading => "heading",
            _ => "passage",
        };
        _out.Line(ErrorBox($"LaTeX could not typeset this {what}: {failure}", Presentation.SourceText([block])));
        _out.Line();
    }
}
