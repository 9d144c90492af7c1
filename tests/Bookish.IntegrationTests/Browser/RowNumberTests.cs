using System.Text.Json;
using Bookish.IntegrationTests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>Each number of a multi-row display sits on its own row's baseline, as in the PDF, at every width and zoom, and is a link.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RowNumberTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static string? _url;

    private async Task<string> UrlAsync() => _url ??= await browser.BuildAsync(Repo.WriteDocument("""
        # Rows

        Three rows, the middle one tall:

        \begin{align}
        a &= b + c \label{eq:first} \\
        d + k &= \frac{e}{f} \\
        h &= i
        \end{align}
        """), "row-numbers");

    /// <summary>
    /// The baselines of the equation's rows, from the glyphs themselves (every glyph of a row of plain letters sits on
    /// its baseline: the distinct glyph origins, top to bottom, grouped within 0.5px), and each number's baseline.
    /// </summary>
    private const string Measure = """
        () => {
          const d = document.querySelector('main .math.display');
          const picture = d.querySelector('.math-image svg');
          const ys = [];
          for (const use of picture.querySelectorAll('use')) {
            const p = picture.createSVGPoint();
            p.x = +use.getAttribute('x'); p.y = +use.getAttribute('y');
            ys.push(p.matrixTransform(use.parentNode.getScreenCTM()).y);
          }
          ys.sort((a, b) => a - b);
          const rows = [];
          for (const y of ys) if (rows.length === 0 || y - rows[rows.length - 1].last > 0.5) rows.push({ y, last: y, n: 1 }); else { rows[rows.length - 1].last = y; rows[rows.length - 1].n++; }
          const numbers = [...d.querySelectorAll('.eqno text')].map(t => {
            const p = t.getStartPositionOfChar(0).matrixTransform(t.getScreenCTM());
            return { text: t.textContent, y: p.y, href: t.closest('a')?.getAttribute('href') ?? '' };
          });
          return { rows: rows.map(r => ({ y: r.y, n: r.n })), numbers };
        }
        """;

    [Theory]
    [InlineData(1280, 1f)]
    [InlineData(375, 1f)]
    [InlineData(1280, 2f)]
    public async Task Each_number_of_a_three_row_align_is_within_1px_of_its_rows_baseline(int width, float zoom)
    {
        await using var p = await browser.OpenAsync(width, url: await UrlAsync(), deviceScaleFactor: zoom);

        var m = await p.Eval<JsonElement>(Measure);

        var numbers = m.GetProperty("numbers").EnumerateArray().ToList();
        // Rows of the plain rows' glyphs: the rows that hold at least three glyph origins at one height (a fraction's
        // numerator and denominator are separate, smaller groups).
        var rows = m.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("n").GetInt32() >= 3).Select(r => r.GetProperty("y").GetDouble()).ToList();
        output.WriteLine($"{width}px x{zoom}: row baselines {string.Join(", ", rows.Select(r => r.ToString("0.0")))}; numbers " +
                         string.Join(", ", numbers.Select(n => $"{n.GetProperty("text")} at {n.GetProperty("y").GetDouble():0.0}")));
        Assert.Equal(["(1)", "(2)", "(3)"], numbers.Select(n => n.GetProperty("text").GetString()));
        Assert.Equal(3, rows.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(numbers[i].GetProperty("y").GetDouble(), rows[i] - 1, rows[i] + 1);
            Assert.Equal("#eq:first", numbers[i].GetProperty("href").GetString());
        }
    }

    [Fact]
    public async Task The_numbers_are_links_a_keyboard_reaches()
    {
        await using var p = await browser.OpenAsync(1280, url: await UrlAsync());

        var reached = false;
        for (var i = 0; i < 30 && !reached; i++)
        {
            await p.Page.Keyboard.PressAsync("Tab");
            reached = await p.Eval<bool>("() => !!document.activeElement.closest('.eqno')");
        }

        Assert.True(reached);
    }
}
