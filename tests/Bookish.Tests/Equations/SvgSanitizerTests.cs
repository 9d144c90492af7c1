using Bookish.Equations;

namespace Bookish.Tests.Equations;

public sealed class SvgSanitizerTests
{
    private const string Glyphs =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"8pt\" height=\"4pt\" viewBox=\"0 -4 8 4\">" +
        "<defs><path id=\"g1\" d=\"M0 0L1 1Z\"/></defs><g fill=\"currentColor\"><use xlink:href=\"#g1\" x=\"0\" y=\"0\"/><rect x=\"1\" y=\"-1\" width=\"2\" height=\".4\"/></g></svg>";

    [Fact]
    public void What_the_renderers_write_is_kept_as_it_is() =>
        Assert.Same(Glyphs, SvgSanitizer.Clean(Glyphs));

    [Theory]
    [InlineData("<script>alert(1)</script>", "script")]
    [InlineData("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>", "foreignObject")]
    [InlineData("<a href=\"https://evil.example/\"><rect width=\"1\" height=\"1\"/></a>", "evil")]
    [InlineData("<use href=\"https://evil.example/s.svg#x\"/>", "evil")]
    [InlineData("<image href=\"file:///etc/passwd\" width=\"1\" height=\"1\"/>", "passwd")]
    [InlineData("<g style=\"fill:url(https://evil.example/#p)\"/>", "evil")]
    [InlineData("<set attributeName=\"onmouseover\" to=\"alert(1)\"/>", "alert")]
    [InlineData("<animate attributeName=\"href\" values=\"javascript:alert(1)\"/>", "javascript")]
    public void Foreign_markup_is_removed(string inserted, string gone)
    {
        var clean = SvgSanitizer.Clean(Glyphs.Replace("</svg>", inserted + "</svg>"));
        Assert.NotNull(clean);
        Assert.DoesNotContain(gone, clean);
        Assert.Contains("#g1", clean);
    }

    [Fact]
    public void Event_attributes_are_removed_from_every_element()
    {
        var clean = SvgSanitizer.Clean(Glyphs.Replace("<svg ", "<svg onload=\"alert(1)\" ").Replace("<rect ", "<rect onclick=\"alert(2)\" "));
        Assert.NotNull(clean);
        Assert.DoesNotContain("alert", clean);
        Assert.Contains("<rect", clean);
    }

    [Theory]
    [InlineData("<svg><g><path d=\"M0 0\"></svg>")]
    [InlineData("not svg at all")]
    [InlineData("<html><body/></html>")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>")]
    public void Anything_that_is_not_plain_svg_is_refused(string svg) => Assert.Null(SvgSanitizer.Clean(svg));

    /// <summary>The streaming pass that skips the tree must refuse everything the tree pass would change.</summary>
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<!-- a comment -->")]
    [InlineData("<?pi data?>")]
    [InlineData("<![CDATA[x]]>")]
    [InlineData("<g>stray text</g>")]
    [InlineData("<g xml:space=\"preserve\"/>")]
    [InlineData("<g xmlns:evil=\"https://evil.example/\"/>")]
    [InlineData("<g evil:x=\"1\" xmlns:evil=\"https://evil.example/\"/>")]
    [InlineData("<use xlink:href=\"https://evil.example/#x\"/>")]
    [InlineData("<use href=\"data:image/png;base64,AAAA\"/>")]
    [InlineData("<g fill=\"url(https://evil.example/#p)\"/>")]
    [InlineData("<svg:g xmlns:svg=\"http://www.w3.org/2000/svg\"><h:p xmlns:h=\"http://www.w3.org/1999/xhtml\"/></svg:g>")]
    public void The_fast_pass_sends_every_change_to_the_tree_pass(string inserted)
    {
        var svg = Glyphs.Replace("</svg>", inserted + "</svg>");
        Assert.False(SvgSanitizer.HoldsOnlyAllowed(svg));
        Assert.NotEqual(svg, SvgSanitizer.Clean(svg));
    }

    [Theory]
    [InlineData("<title>x squared</title>")]
    [InlineData("<image href=\"data:image/png;base64,AAAA\" width=\"1\" height=\"1\"/>")]
    [InlineData("<g clip-path=\"url(#c1)\">\n  <path d=\"M0 0\"/>\n</g>")]
    public void The_fast_pass_keeps_what_the_tree_pass_keeps(string inserted)
    {
        var svg = "<?xml version=\"1.0\"?>" + Glyphs.Replace("</svg>", inserted + "</svg>");
        Assert.True(SvgSanitizer.HoldsOnlyAllowed(svg));
        Assert.Same(svg, SvgSanitizer.Clean(svg));
    }

    [Fact]
    public void Only_an_svg_root_passes_fast()
    {
        Assert.False(SvgSanitizer.HoldsOnlyAllowed("<g xmlns=\"http://www.w3.org/2000/svg\"/>"));
        Assert.False(SvgSanitizer.HoldsOnlyAllowed("<svg xmlns=\"http://www.w3.org/1999/xhtml\"/>"));
        Assert.False(SvgSanitizer.HoldsOnlyAllowed("<svg><g>"));
    }
}
