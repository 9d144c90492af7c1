using Bookish.Equations;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// The page check behind the lockdown, on both engines: a preamble that kept the real <c>\shipout</c> under a name of
/// its own before the lockdown (a package line) hands a fragment the primitive, as a lockdown bypass would. Each page
/// still says whose it is (the DVI's counts; the PDF's page dictionary, which Bookish writes through a primitive no
/// fragment can reach), so the fragment that shipped extra pages fails alone, in the same TeX run, and every other
/// equation keeps the picture it gets without it.
/// </summary>
public sealed partial class FragmentIsolationTests
{
    /// <summary>The real \shipout kept as \bkstolen in a "package" line, which goes into the format before the lockdown.</summary>
    private static MathSettings Bypassed(MathEngine engine, string sneak) => new()
    {
        Engine = engine,
        Preamble = "\\usepackage{amsmath}\\expandafter\\let\\expandafter\\bkstolen\\csname tex_shipout:D\\endcsname\n" + Preamble.Base
            + "\n\\newcommand{\\sneak}{" + sneak.Replace("#", "##") + "}\n",
        Parallelism = 1,
    };

    public static TheoryData<string, string> StrayPages => new()
    {
        { @"\bkstolen\hbox{forged}", "one extra page" },
        { @"\bkstolen\hbox{a}\bkstolen\hbox{b}\bkstolen\hbox{c}", "three extra pages" },
        // Claiming another fragment's identity: DVI records the forged counts (that fragment then has two pages and fails
        // too, never gets this one); pdfTeX's page carries what Bookish last wrote, so the page is the forger's alone.
        { @"\global\count0=3 \global\count1=3 \bkstolen\hbox{forged}", "forged counts" },
        { @"\global\count0=0 \global\count1=0 \bkstolen\hbox{forged}", "an earlier fragment's counts" },
    };

    [Theory]
    [MemberData(nameof(StrayPages))]
    public async Task A_fragment_that_ships_pages_with_a_stolen_primitive_fails_alone_in_one_TeX_run(string sneak, string what)
    {
        foreach (var engine in new[] { MathEngine.PdfLatexMutool, MathEngine.LatexDvi })
        {
            var settings = Bypassed(engine, sneak);
            var good = Good.Select((t, i) => Inline(t, i + 1)).ToList();
            var bad = Inline(@"\sneak z", 9);
            var reference = await new TexBatchRenderer().RenderAsync(good, settings);
            Assert.Empty(reference.Diagnostics);

            var mixed = await new TexBatchRenderer().RenderAsync([good[0], good[1], bad, good[2], good[3]], settings);

            // DVI pages carry the counts as TeX had them: a page forged with an earlier fragment's counts is charged to that
            // fragment (which then has two pages); the forger's own page is in order and harmless. pdfTeX's are the forger's.
            var dviBlamesEarlier = engine == MathEngine.LatexDvi && what == "an earlier fragment's counts";
            if (!dviBlamesEarlier)
            {
                Assert.False(mixed.Rendered.ContainsKey(bad.Key(settings)), $"{engine}, {what}: the fragment that shipped pages got a picture");
                Assert.Contains(mixed.Diagnostics, d => d.Span.Line == 9 && d.Message.Contains("page", StringComparison.Ordinal));
            }
            // Pages were assigned by what each page records, in the one run: no halving, no re-run.
            Assert.Equal(1, mixed.TexRuns);
            foreach (var f in good)
            {
                if (!mixed.Rendered.TryGetValue(f.Key(settings), out var picture))
                {
                    // Only the DVI engine, only the fragment whose counts were forged, may lose its picture (never get a wrong one).
                    var forgedOne = what == "forged counts" ? good[2] : what == "an earlier fragment's counts" ? good[0] : null;
                    Assert.True(engine == MathEngine.LatexDvi && f == forgedOne, $"{engine}, {what}: {f.Tex} lost its picture");
                    continue;
                }
                Assert.Equal(reference.Rendered[f.Key(settings)].Svg, picture.Svg);
            }
            if (engine == MathEngine.PdfLatexMutool) Assert.All(mixed.Diagnostics, d => Assert.Equal(9, d.Span.Line));
        }
    }
}
