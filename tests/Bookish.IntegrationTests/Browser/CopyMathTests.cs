using System.Text.Json;
using Bookish.IntegrationTests.Support;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>Copying prose keeps its equations as TeX; each display offers "Copy TeX"; sidenotes open from the keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CopyMathTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static string? _url;

    private async Task<string> UrlAsync() => _url ??= await browser.BuildAsync(Repo.WriteDocument("""
        # Softmax

        The softmax maps $\mathbf{z} \in \mathbb{R}^n$ to probabilities, with $\sigma(\mathbf{z})_i = e^{z_i} / \sum_j e^{z_j}$ for every $i$ — a smooth arg max.[^side-a]

        $$\frac{\partial \sigma_i}{\partial z_j} = \sigma_i (\delta_{ij} - \sigma_j)$$

        Its Jacobian is symmetric.

        [^side-a]: Also called the normalised exponential.
        """), "copy-math");

    private static async Task<string> CopyAsync(BrowserPage p, string selectScript)
    {
        await p.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await p.Eval<object>(selectScript);
        await p.Page.Keyboard.PressAsync("Control+C");
        return await p.Eval<string>("() => navigator.clipboard.readText()");
    }

    [Fact]
    public async Task Copying_a_paragraph_puts_its_equations_in_the_clipboard_as_dollar_TeX()
    {
        await using var p = await browser.OpenAsync(1280, url: await UrlAsync());

        var text = await CopyAsync(p, """
            () => { const para = document.querySelector('main article > p');
                    const r = document.createRange(); r.selectNodeContents(para);
                    getSelection().removeAllRanges(); getSelection().addRange(r); return null; }
            """);

        output.WriteLine(text);
        Assert.StartsWith(@"The softmax maps $\mathbf{z} \in \mathbb{R}^n$ to probabilities, with $\sigma(\mathbf{z})_i = e^{z_i} / \sum_j e^{z_j}$ for every $i$", text);
        Assert.DoesNotContain("Also called", text.Split('\n')[0][..120]);
    }

    [Fact]
    public async Task Copying_across_a_display_gives_it_as_double_dollar_TeX_without_its_menu()
    {
        await using var p = await browser.OpenAsync(1280, url: await UrlAsync());

        var text = await CopyAsync(p, """
            () => { const ps = document.querySelectorAll('main article > p');
                    const r = document.createRange(); r.setStart(ps[0].lastChild, 0); r.setEnd(ps[1].firstChild, 3);
                    getSelection().removeAllRanges(); getSelection().addRange(r); return null; }
            """);

        output.WriteLine(text);
        Assert.Contains(@"$$\frac{\partial \sigma_i}{\partial z_j} = \sigma_i (\delta_{ij} - \sigma_j)$$", text);
        Assert.DoesNotContain("Copy TeX", text);
        Assert.EndsWith("Its", text.TrimEnd());
    }

    [Fact]
    public async Task A_keyboard_user_reaches_a_displays_menu_and_copies_its_TeX()
    {
        await using var p = await browser.OpenAsync(1280, url: await UrlAsync());
        await p.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        string active;
        var presses = 0;
        do
        {
            await p.Page.Keyboard.PressAsync("Tab");
            active = await p.Eval<string>("() => document.activeElement.closest('.tex-menu') ? 'menu' : document.activeElement.tagName");
        } while (active != "menu" && ++presses < 30);
        Assert.Equal("menu", active);
        await p.Page.Keyboard.PressAsync("Enter");
        await p.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Copy TeX", await p.Eval<string>("() => document.activeElement.textContent"));
        await p.Page.Keyboard.PressAsync("Enter");
        await p.Page.WaitForFunctionAsync("() => document.activeElement.textContent === 'Copied'");

        Assert.Equal(@"\frac{\partial \sigma_i}{\partial z_j} = \sigma_i (\delta_{ij} - \sigma_j)", await p.Eval<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task On_a_phone_a_keyboard_user_opens_a_sidenote_with_Enter()
    {
        await using var p = await browser.OpenAsync(375, url: await UrlAsync());
        Assert.False(await p.Page.Locator(".sidenote").First.IsVisibleAsync());

        var presses = 0;
        while (!await p.Eval<bool>("() => document.activeElement.matches('.note-ref')") && ++presses < 30)
            await p.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("false", await p.Eval<string>("() => document.activeElement.getAttribute('aria-expanded')"));
        await p.Page.Keyboard.PressAsync("Enter");

        Assert.True(await p.Page.Locator(".sidenote").First.IsVisibleAsync());
        Assert.Equal("true", await p.Eval<string>("() => document.activeElement.getAttribute('aria-expanded')"));
    }
}
