using Bookish.Highlighting;
using Bookish.Tests.Calculus;

namespace Bookish.Tests.Highlighting;

/// <summary>
/// The code colours live in one table (CodePalette): the block between the code-highlighting markers at the end of
/// templates/article.css is generated from it (BOOKISH_UPDATE_GOLDEN=1 rewrites it, never when CI=true), and every
/// colour is readable on the code background of its scheme.
/// </summary>
public sealed class CodePaletteTests
{
    private static string CssPath => Path.Combine(Directory.GetParent(ConformanceCorpus.PathToFile())!.Parent!.Parent!.FullName, "templates", "article.css");

    [Fact]
    public void The_code_colours_in_article_css_are_generated_from_the_palette()
    {
        var css = File.ReadAllText(CssPath).Replace("\r", "");
        var begin = css.IndexOf(CodePalette.CssBegin, StringComparison.Ordinal);
        var end = css.IndexOf(CodePalette.CssEnd, StringComparison.Ordinal);
        var expected = CodePalette.CssBlock();
        var actual = begin >= 0 && end > begin ? css[begin..(end + CodePalette.CssEnd.Length + 1)] : "";
        if (actual != expected && Environment.GetEnvironmentVariable("BOOKISH_UPDATE_GOLDEN") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            css = actual.Length > 0 ? css.Replace(actual, expected) : css.TrimEnd('\n') + "\n\n" + expected;
            File.WriteAllText(CssPath, css);
            actual = expected;
        }
        Assert.Equal(expected, actual);
        Assert.True(css.TrimEnd().EndsWith(CodePalette.CssEnd, StringComparison.Ordinal), "the code highlighting block is the last thing in article.css");
    }

    [Fact]
    public void The_palette_background_is_the_pages_code_background()
    {
        var css = File.ReadAllText(CssPath);
        var declared = System.Text.RegularExpressions.Regex.Matches(css, @"--code-bg:\s*(#[0-9a-fA-F]{6})").Select(m => m.Groups[1].Value.ToLowerInvariant()).ToList();

        Assert.Equal([CodePalette.Background.Light, CodePalette.Background.Dark], declared);
    }

    [Fact]
    public void Every_colour_has_a_contrast_of_at_least_4_5_on_its_code_background()
    {
        foreach (var s in CodePalette.Styles)
        {
            Assert.True(Contrast(s.Light, CodePalette.Background.Light) >= 4.5, $"{s.Name} light {s.Light}: {Contrast(s.Light, CodePalette.Background.Light):0.00}");
            Assert.True(Contrast(s.Dark, CodePalette.Background.Dark) >= 4.5, $"{s.Name} dark {s.Dark}: {Contrast(s.Dark, CodePalette.Background.Dark):0.00}");
            // On a highlighted line too.
            Assert.True(Contrast(s.Light, CodePalette.LineHighlight.Light) >= 4.5, $"{s.Name} on a highlighted line (light)");
            Assert.True(Contrast(s.Dark, CodePalette.LineHighlight.Dark) >= 4.5, $"{s.Name} on a highlighted line (dark)");
        }
        Assert.True(Contrast(CodePalette.LineNumber.Light, CodePalette.Background.Light) >= 4.5);
        Assert.True(Contrast(CodePalette.LineNumber.Dark, CodePalette.Background.Dark) >= 4.5);
    }

    [Fact]
    public void Every_token_kind_but_plain_has_a_style_with_its_own_class()
    {
        var kinds = Enum.GetValues<TokenKind>().Where(k => k != TokenKind.Plain);

        Assert.All(kinds, k => Assert.NotNull(CodePalette.Of(k)));
        Assert.Equal(CodePalette.Styles.Length, CodePalette.Styles.Select(s => s.Name).Distinct().Count());
    }

    /// <summary>WCAG 2 contrast ratio of two #rrggbb colours.</summary>
    internal static double Contrast(string a, string b)
    {
        static double Luminance(string hex)
        {
            double Channel(int i)
            {
                var c = Convert.ToInt32(hex.Substring(1 + 2 * i, 2), 16) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }
            return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
        }
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }
}
