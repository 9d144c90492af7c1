using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MeasureTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>
    /// Counts characters on the lines the browser actually set. Every rendered character of a body paragraph is
    /// located with a one-character Range; a line ends where the next item starts to the left of the previous one
    /// (the pen went back to the left margin). Text characters count one each (an interword space included; the
    /// extra collapsed white space of the source has no box and is not counted). An inline equation counts as many
    /// characters as would fill its width: its rendered width divided by the paragraph's own mean character width
    /// (total width of its text characters / their number), so "x" counts about one and a long formula many.
    /// The last line of each paragraph is short by nature and is left out; the rest are averaged.
    /// </summary>
    internal const string CountCharactersPerLine = """
        () => {
          const lines = [];
          for (const p of document.querySelectorAll('main article > p')) {
            const items = [];
            let textWidth = 0, textChars = 0;
            const walk = node => {
              for (const child of node.childNodes) {
                if (child.nodeType === Node.ELEMENT_NODE && child.matches('.math')) {
                  const r = child.getBoundingClientRect();
                  items.push({ x: r.left, w: r.width, math: true });
                } else if (child.nodeType === Node.TEXT_NODE) {
                  const range = document.createRange();
                  for (let i = 0; i < child.length; i++) {
                    range.setStart(child, i); range.setEnd(child, i + 1);
                    const rects = range.getClientRects();
                    if (rects.length === 0) continue;
                    const r = rects[0], ch = child.data[i];
                    if (/\s/.test(ch) && r.width === 0) continue;
                    items.push({ x: r.left, w: r.width, math: false });
                    textWidth += r.width; textChars++;
                  }
                } else if (child.nodeType === Node.ELEMENT_NODE) walk(child);
              }
            };
            walk(p);
            if (textChars === 0) continue;
            const charWidth = textWidth / textChars;
            const paraLines = [];
            let current = null, prevX = -Infinity;
            for (const it of items) {
              if (current === null || it.x < prevX - 2) { current = { chars: 0 }; paraLines.push(current); }
              current.chars += it.math ? it.w / charWidth : 1;
              prevX = it.x;
            }
            paraLines.pop();
            for (const l of paraLines) lines.push(l.chars);
            p.dataset.charWidth = charWidth;
          }
          const column = document.querySelector('main article > p');
          return { lines, columnPx: column.clientWidth, charWidth: parseFloat(column.dataset.charWidth),
                   fontSize: parseFloat(getComputedStyle(column).fontSize) };
        }
        """;

    /// <summary>
    /// With the page's own font stack (whatever this machine resolves it to), and with two installed faces forced
    /// that stand for the ends of the stack: P052 (a Palatino, narrow like Iowan or Palatino Linotype) and
    /// DejaVu Serif (the wide Linux fallback).
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("P052")]
    [InlineData("DejaVu Serif")]
    public async Task Desktop_lines_hold_60_to_75_characters_on_average(string font)
    {
        await using var p = await browser.OpenAsync(1280, height: 900);
        if (font.Length > 0)
            await p.Eval<object>("f => { document.body.style.fontFamily = `\"${f}\"`; return document.fonts.ready.then(() => null); }", font);

        var m = await p.Eval<JsonElement>(CountCharactersPerLine);

        var lines = m.GetProperty("lines").EnumerateArray().Select(l => l.GetDouble()).ToList();
        var average = lines.Average();
        output.WriteLine($"1280px, font '{(font.Length > 0 ? font : "page stack")}': {lines.Count} full lines, mean {average:0.0} characters (min {lines.Min():0}, max {lines.Max():0}); " +
            $"column {m.GetProperty("columnPx")}px, mean character {m.GetProperty("charWidth").GetDouble():0.00}px, font {m.GetProperty("fontSize")}px");
        Assert.True(lines.Count >= 15, "enough full lines to average");
        Assert.InRange(average, 60, 75);
    }

    [Fact]
    public async Task Desktop_body_type_is_18_to_20px()
    {
        await using var p = await browser.OpenAsync(1280, height: 900);

        var size = await p.Eval<double>("() => parseFloat(getComputedStyle(document.querySelector('main article > p')).fontSize)");

        Assert.InRange(size, 18, 20);
    }
}
