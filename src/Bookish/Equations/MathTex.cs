using System.Text.RegularExpressions;
using Bookish.Model;

namespace Bookish.Equations;

/// <summary>The TeX actually rendered for a block: environments become their inner forms (aligned, gathered), numbers are
/// dropped (the page prints them beside the image) and labels removed.</summary>
public static partial class MathTex
{
    [GeneratedRegex(@"\\label\{[^}]*\}|\\nonumber\b|\\notag\b|\\tag\*?\{[^}]*\}")] private static partial Regex NumberingCommands();

    public static string Strip(string tex) => NumberingCommands().Replace(tex, "").Trim();

    internal static (string Tex, MathMode Mode) ForBlock(MathBlock block)
    {
        var body = Strip(block.Tex);
        return block.Environment switch
        {
            MathEnvironment.RawLatex => (block.Tex.Trim(), MathMode.RawBlock),
            MathEnvironment.Align or MathEnvironment.AlignStar => ($"\\begin{{aligned}}{body}\\end{{aligned}}", MathMode.Display),
            MathEnvironment.Gather or MathEnvironment.GatherStar => ($"\\begin{{gathered}}{body}\\end{{gathered}}", MathMode.Display),
            MathEnvironment.Multline or MathEnvironment.MultlineStar => ($"\\begin{{gathered}}{body}\\end{{gathered}}", MathMode.Display),
            _ => (body, MathMode.Display),
        };
    }
}
