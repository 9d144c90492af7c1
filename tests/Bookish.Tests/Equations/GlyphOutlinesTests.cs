using Bookish.Equations;

namespace Bookish.Tests.Equations;

/// <summary>Glyph outlines handed over as data, named by content: converter SVG split, validation, standalone pictures, the cache.</summary>
public sealed class GlyphOutlinesTests
{
    private const string Xmlns = "xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";

    [Fact]
    public void An_outline_seen_valid_once_does_not_vouch_for_other_data_under_its_id()
    {
        // Validation is remembered per process by id; the memory must hold only for the very same path data.
        const string d = "M10 20L30 40Z";
        var id = GlyphOutlines.IdOf(d);
        Assert.True(GlyphOutlines.AreValid(new Dictionary<string, string> { [id] = d }));
        Assert.False(GlyphOutlines.AreValid(new Dictionary<string, string> { [id] = "M10 20L30 41Z" }));
        Assert.False(GlyphOutlines.AreValid(new Dictionary<string, string> { [id] = d + "\"><script/>" }));
        Assert.True(GlyphOutlines.AreValid(new Dictionary<string, string> { [id] = d }));
    }

    [Fact]
    public void A_converter_s_page_ids_become_content_ids_so_two_pages_share_a_glyph()
    {
        // mutool names the same outline differently on each page.
        var one = SvgPage.SplitGlyphs($"<svg {Xmlns}><defs><path id=\"font_20_7\" d=\"M1 2L3 4Z\"/></defs><use xlink:href=\"#font_20_7\" x=\"1\"/></svg>");
        var two = SvgPage.SplitGlyphs($"<svg {Xmlns}><defs><path d=\"M1 2L3 4Z\" id=\"font_99_7\"/></defs><use xlink:href=\"#font_99_7\" x=\"5\"/></svg>");
        var id = Assert.Single(one.Glyphs).Key;
        Assert.Equal(id, Assert.Single(two.Glyphs).Key);
        Assert.Equal("M1 2L3 4Z", one.Glyphs[id]);
        Assert.Equal($"<svg {Xmlns}><use href=\"#{id}\" x=\"1\"/></svg>", one.Markup);
        Assert.DoesNotContain("font_99_7", two.Markup);
    }

    [Fact]
    public void The_standalone_picture_defines_the_glyphs_its_markup_uses()
    {
        var id = GlyphOutlines.IdOf("M0 0L1 1Z");
        var math = new RenderedMath($"<svg {Xmlns} viewBox=\"0 0 1 1\"><use href=\"#{id}\"/></svg>", 1, 1, 0) { Glyphs = new Dictionary<string, string> { [id] = "M0 0L1 1Z" } };
        Assert.Equal($"<svg {Xmlns} viewBox=\"0 0 1 1\"><defs><path id=\"{id}\" d=\"M0 0L1 1Z\"/></defs><use xlink:href=\"#{id}\"/></svg>", math.Svg);
        Assert.NotNull(SvgSanitizer.Clean(math.Svg));
    }

    [Theory]
    [InlineData("M0 0L1 1Z", true)]
    [InlineData("m10 0l100 0 0 100-100 0z", true)]
    [InlineData("M0 0\"/><script>alert(1)</script><path d=\"", false)]
    [InlineData("M0 0 url(#x)", false)]
    public void Only_plain_path_data_under_its_own_content_id_is_valid(string d, bool valid)
    {
        Assert.Equal(valid, GlyphOutlines.AreValid(new Dictionary<string, string> { [GlyphOutlines.IdOf(d)] = d }));
        // The right outline under another glyph's id would draw the wrong glyph wherever that id is used.
        Assert.False(GlyphOutlines.AreValid(new Dictionary<string, string> { [GlyphOutlines.IdOf("M9 9Z")] = d }));
    }

    private sealed class CountingRenderer : IMathRenderer
    {
        public int Calls;

        public Task<MathBatchResult> RenderAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings, CancellationToken cancellationToken = default)
        {
            Calls++;
            var id = GlyphOutlines.IdOf("M0 0L1 1Z");
            var rendered = fragments.ToDictionary(f => f.Key(settings), f => new RenderedMath($"<svg {Xmlns}><use xlink:href=\"#{id}\"/></svg>", 1, 1, 0)
                { Glyphs = new Dictionary<string, string> { [id] = "M0 0L1 1Z" } });
            return Task.FromResult(new MathBatchResult(rendered, []));
        }
    }

    [Fact]
    public async Task The_cache_keeps_glyphs_as_data_and_renders_again_an_entry_whose_outline_was_changed()
    {
        var dir = Directory.CreateTempSubdirectory("bookish-cache-").FullName;
        var fragment = new MathFragment("x", MathMode.Inline, []);
        var inner = new CountingRenderer();
        var settings = new MathSettings();
        var first = await new CachingMathRenderer(inner, dir).RenderAsync([fragment], settings);
        var second = await new CachingMathRenderer(inner, dir).RenderAsync([fragment], settings);
        Assert.Equal(1, inner.Calls);
        Assert.Equal(first.Rendered.Single().Value.Glyphs, second.Rendered.Single().Value.Glyphs);

        // An outline edited in place, checksum and all: the glyph's id no longer names it, so the entry is not used.
        var file = Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories).Single();
        File.WriteAllText(file, File.ReadAllText(file).Replace("M0 0L1 1Z", "M0 0L9 9Z"));
        await new CachingMathRenderer(inner, dir).RenderAsync([fragment], settings);
        Assert.Equal(2, inner.Calls);
    }
}
