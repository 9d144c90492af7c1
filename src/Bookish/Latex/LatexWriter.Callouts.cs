using System.Globalization;
using Bookish.Model;

namespace Bookish.Latex;

/// <summary>
/// Callouts as framed.sty boxes that break across pages, framed in the page's colour for their kind, with the same title.
/// </summary>
internal sealed partial class LatexWriter
{
    /// <summary>The page's colour per kind (templates/article.css): tip green, warning and caution red, the rest the accent blue.</summary>
    internal static string CalloutColor(string kind) => kind.ToLower(CultureInfo.InvariantCulture) switch
    {
        "tip" => "2E7D32",
        "warning" or "caution" or "danger" => "B00020",
        _ => "0B57A4",
    };

    private void CalloutPreamble()
    {
        if (!_context.Publication.Pages.SelectMany(ModelWalker.Blocks).OfType<Aside>().Any()) return;
        // framed.sty breaks the box across pages; tcolorbox would need pgf's \pdfliteral, which the lockdown forbids.
        _out.Line("\\usepackage{framed}");
        _out.Line("\\newenvironment{bkcallout}[1]{\\definecolor{bkcframe}{HTML}{#1}\\def\\FrameCommand{\\fboxrule=0.8pt\\fboxsep=6pt\\fcolorbox{bkcframe}{bkcframe!6!white}}\\MakeFramed{\\advance\\hsize-\\width\\FrameRestore}}{\\endMakeFramed}");
    }

    private void CalloutBlock(Aside a)
    {
        var color = CalloutColor(a.Kind);
        _out.Line($"\\begin{{bkcallout}}{{{color}}}");
        if (a.Title.Length > 0) _out.Line($"{{\\color{{bkcframe}}\\textbf{{{Inlines(a.Title)}}}}}\\par");
        foreach (var b in a.Blocks) Block(b);
        _out.Line("\\end{bkcallout}");
    }
}
