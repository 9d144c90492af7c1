using System.Text.Json;

namespace Bookish.IntegrationTests.Browser;

/// <summary>Sidenotes: in the margin on wide screens, folded behind their number on phones until tapped.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SidenoteTests(BrowserFixture fixture)
{
    [Fact]
    public async Task On_a_wide_screen_the_sidenote_sits_in_the_margin_beside_its_paragraph()
    {
        await using var page = await fixture.OpenAsync(1440);
        var box = await page.Eval<JsonElement>(@"() => {
            const note = document.querySelector('.sidenote');
            const para = note.closest('p');
            const n = note.getBoundingClientRect(), p = para.getBoundingClientRect();
            return { noteLeft: n.left, noteTop: n.top, paraRight: p.right, paraTop: p.top, paraBottom: p.bottom, visible: getComputedStyle(note).display !== 'none' };
        }");
        Assert.True(box.GetProperty("visible").GetBoolean());
        Assert.True(box.GetProperty("noteLeft").GetDouble() >= box.GetProperty("paraRight").GetDouble(), "the note is right of the text column");
        Assert.InRange(box.GetProperty("noteTop").GetDouble(), box.GetProperty("paraTop").GetDouble() - 40, box.GetProperty("paraBottom").GetDouble());
    }

    [Fact]
    public async Task On_a_phone_the_sidenote_opens_when_its_number_is_tapped()
    {
        await using var page = await fixture.OpenAsync(375);
        Assert.False(await page.Eval<bool>("() => getComputedStyle(document.querySelector('.sidenote')).display !== 'none'"));
        await page.Page.Locator("label.note-ref").First.ClickAsync();
        Assert.True(await page.Eval<bool>("() => getComputedStyle(document.querySelector('.sidenote')).display !== 'none'"));
        Assert.True(await page.Eval<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
    }
}
