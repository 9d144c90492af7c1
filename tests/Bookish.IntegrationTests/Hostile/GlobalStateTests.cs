using Bookish.Equations;
using Bookish.Text;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// Issue 14, global state: fragments of one TeX batch share TeX's global definitions, so a fragment can change the
/// equations after it (each attack below does, visibly, in the default mode: the test shows that first). In isolation
/// mode (--untrusted: one TeX process per fragment) every other equation's picture is the one it gets in a build
/// without the hostile fragment; and in the default mode the cache never hands such a changed picture to a document
/// without the fragment that changed it (a clean document built later into the same cache folder gets correct pictures).
/// The hostile text hides in a document macro, as a hostile author would, so the early textual list never sees it.
/// </summary>
public sealed class GlobalStateTests
{
    private static MathFragment Inline(string tex, int line) => new(tex, MathMode.Inline, [new SourceSpan("doc.md", line, 1, line, 1 + tex.Length)]);

    /// <summary>The clean equations: each attack aims at one of them (they all follow the hostile one in the batch).</summary>
    private static readonly string[] Victims = [@"\alpha + 1", @"\sum_k a_k", @"\gamma^2", @"\epsilon_0", @"\theta - t", @"x + y", @"\frac{p}{q}"];

    public static TheoryData<string, string> Attacks => new()
    {
        { "gdef", @"\gdef\alpha{\beta}" },
        { "global let", @"\global\let\sum\prod" },
        { "xdef", @"\xdef\gamma{\delta}" },
        // Out of the math group and then out of the box: the \let lands at the document's level, after the fragment.
        { "aftergroup escape", @"\aftergroup\aftergroup\aftergroup\let\aftergroup\aftergroup\aftergroup\epsilon\aftergroup\aftergroup\aftergroup\varepsilon" },
        { "afterassignment", @"\def\bkhook{\global\let\theta\Theta}\afterassignment\bkhook\skip255=0pt" },
        { "everymath hook", @"\global\everymath{\mathbf{X}}" },
        { "everyhbox hook", @"\global\everyhbox{\vrule width 2pt height 4pt}" },
    };

    private static MathSettings Settings(string hostile, bool isolated = false) => new()
    {
        Engine = MathEngine.LatexDvi,
        Preamble = Preamble.Base + "\n\\newcommand{\\hostile}{" + hostile.Replace("#", "##") + "}\n",
        Parallelism = 2,
        Isolated = isolated,
    };

    private static List<MathFragment> Clean => Victims.Select((t, i) => Inline(t, i + 2)).ToList();

    private static MathFragment Hostile => Inline(@"\hostile z", 1);

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task In_isolation_mode_a_fragment_changing_global_state_leaves_every_other_picture_as_without_it(string what, string hostile)
    {
        var settings = Settings(hostile);
        var reference = await new TexBatchRenderer().RenderAsync(Clean, settings);
        Assert.Empty(reference.Diagnostics);
        Assert.Equal(Victims.Length, reference.Rendered.Count);

        // The attack is real: in one batch, some later equation is drawn differently.
        var shared = await new TexBatchRenderer().RenderAsync([Hostile, .. Clean], settings);
        Assert.Contains(Clean, f => !shared.Rendered.TryGetValue(f.Key(settings), out var p) || !p.Equals(reference.Rendered[f.Key(settings)]));

        var isolated = await new TexBatchRenderer().RenderAsync([Hostile, .. Clean], settings with { Isolated = true });
        foreach (var f in Clean)
        {
            Assert.True(isolated.Rendered.TryGetValue(f.Key(settings), out var picture), $"{what}: {f.Tex} has no picture");
            var expected = reference.Rendered[f.Key(settings)];
            Assert.Equal(expected.Svg, picture!.Svg);
            Assert.Equal(expected.WidthEm, picture.WidthEm, 9);
            Assert.Equal(expected.HeightEm, picture.HeightEm, 9);
            Assert.Equal(expected.DepthEm, picture.DepthEm, 9);
        }
        // One TeX process per fragment.
        Assert.Equal(Victims.Length + 1, isolated.TexRuns);
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_clean_document_built_after_a_hostile_one_into_the_same_cache_gets_correct_pictures(string what, string hostile)
    {
        var settings = Settings(hostile);
        var reference = await new TexBatchRenderer().RenderAsync(Clean, settings);
        var cache = Directory.CreateTempSubdirectory("bookish-poison-").FullName;
        try
        {
            // The hostile document: its later pictures are changed, and cached.
            var first = new CachingMathRenderer(new TexBatchRenderer(), cache);
            var poisoned = await first.RenderAsync([Hostile, .. Clean], settings);
            Assert.Contains(Clean, f => !poisoned.Rendered[f.Key(settings)].Equals(reference.Rendered[f.Key(settings)]));

            // A clean document with the same equations, same cache folder: every picture as TeX draws it without the hostile one.
            var second = new CachingMathRenderer(new TexBatchRenderer(), cache);
            var clean = await second.RenderAsync(Clean, settings);
            Assert.Empty(clean.Diagnostics);
            foreach (var f in Clean)
                Assert.True(reference.Rendered[f.Key(settings)].Equals(clean.Rendered[f.Key(settings)]), $"{what}: {f.Tex} came from the poisoned cache");

            // The cache still serves what it safely can: the hostile document again (all its fragments present), and the clean one again.
            var again = new CachingMathRenderer(new TexBatchRenderer(), cache);
            await again.RenderAsync([Hostile, .. Clean], settings);
            Assert.Equal(0, again.Misses);
            var cleanAgain = new CachingMathRenderer(new TexBatchRenderer(), cache);
            var warm = await cleanAgain.RenderAsync(Clean, settings);
            Assert.Equal(0, cleanAgain.Misses);
            foreach (var f in Clean) Assert.True(reference.Rendered[f.Key(settings)].Equals(warm.Rendered[f.Key(settings)]), $"{what}: {f.Tex} wrong when warm");
        }
        finally
        {
            Directory.Delete(cache, true);
        }
    }
}
