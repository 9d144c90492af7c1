using System.Globalization;
using Bookish.Model;

namespace Bookish.Latex;

/// <summary>
/// A figure of sub-images in the PDF: rows of top-aligned minipages, each its image at the minipage's width and its
/// (a), (b), … caption below, as the page's grid; the figure's own caption and label follow as for any figure.
/// </summary>
internal sealed partial class LatexWriter
{
    private void SubFigureGrid(Figure f)
    {
        var columns = Math.Max(1, f.Columns);
        var width = ((1.0 - 0.04 * (columns - 1)) / columns).ToString("0.###", CultureInfo.InvariantCulture);
        for (var i = 0; i < f.Parts.Length; i++)
        {
            var part = f.Parts[i];
            if (i > 0) _out.Line(i % columns == 0 ? "\\par\\medskip" : "\\hfill");
            _out.Line($"\\begin{{minipage}}[t]{{{width}\\linewidth}}\\centering");
            if (_context.ResolveImage(part) is { } path)
            {
                _resources.Add(path);
                _out.Line($"\\includegraphics[width=\\linewidth,height=0.3\\textheight,keepaspectratio]{{{path}}}\\par");
            }
            else _out.Line($"\\fbox{{\\texttt{{{LatexEscaper.Escape(part.Source)}}}}}\\par");
            var text = part.Caption.Length > 0 ? " " + Inlines(part.Caption) : "";
            _out.Line($"\\smallskip{{\\small {Model.Figure.SubLabel(i)}{text}}}");
            _out.Line("\\end{minipage}");
        }
    }
}
