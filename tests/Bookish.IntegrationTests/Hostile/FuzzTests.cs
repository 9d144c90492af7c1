using System.Diagnostics;
using System.Text;
using Bookish.Checks.Parity;
using Bookish.Equations;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// Seeded fuzzing of both readers, the checks, the build and parity: 1,000 mutated documents (realistic snippets cut,
/// repeated, nested and sprinkled with Unicode), in process. No exception may escape and each document has a time
/// bound. Most builds use a fake equation renderer (the TeX seam); a sample runs real TeX, the PDF and parity.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261130;
    private const int Documents = 1000;
    private const int RealTexEvery = 100;
    private static readonly TimeSpan PerDocument = TimeSpan.FromSeconds(30);

    private static readonly string[] MarkdownSnippets =
    [
        "---\ntitle: Über Gradienten\nauthors: [Zoë Ångström, {name: 李雷, url: \"https://example.org\"}]\nmacros:\n  vx: \\mathbf{x}\n  norm: ['\\left\\|#1\\right\\|', 1]\ntoc: true\n---\n",
        "---\ntitle: Notes\nnotation:\n  - symbol: \\mathbf{x}\n    meaning: input\n    kind: vector\n    shape: n\nlint: { italic-operator: warning, strict: true }\n---\n",
        "# Einleitung {#sec:intro}\n\nThe gradient $\\nabla f(\\vx)$ of $f: \\mathbb{R}^n \\to \\mathbb{R}$ is a vector.\n",
        "$$\n\\frac{\\partial}{\\partial x_i} \\sum_{j=1}^{n} w_j x_j = w_i\n$$\n",
        "\\begin{equation}\\label{eq:chain}\n\\frac{dy}{dx} = \\frac{dy}{du}\\frac{du}{dx}\n\\end{equation}\n\nSee \\eqref{eq:chain} and @sec:intro.\n",
        "```check\ndeclare: x, y \\in \\mathbb{R}\ndefine: g(x, y) = 2x + y^8\nclaim: \\nabla g(x,y) = [2, 8y^7]\n```\n",
        "```plot\nfunction: \\max(0, x) | ReLU\nfunction: \\frac{d}{dx} \\max(0, x) | slope\nx: -2, 2\ny: -0.5, 2\n```\n",
        "| $x$ | $x^2$ |\n|---|---|\n| 1 | 1 |\n| $\\|a\\|$ | 4 |\n\nTable: Squares {#tbl:sq}\n",
        "::: tip Hinweis\nA callout with $e^{i\\pi}+1=0$ inside.\n:::\n",
        "Text with a note[^1] and a side note[^side-a].\n\n[^1]: A footnote, $\\alpha$.\n[^side-a]: Im Rand.\n",
        "- one $a$\n  - two $b$\n    - three\n\n1. first\n2. second\n",
        "> quoted $\\int_0^1 f$\n> > deeper\n",
        "```python\nprint('hi')\n```\n\n```{=latex}\n\\fbox{raw}\n```\n",
        "![A figure with $x$](plot.png){#fig:p width=60%}\n",
        "Costs $5 each, and \\$ is a dollar; `code $x$` stays.\n",
        "```notation\n```\n",
        "Emoji 🧮 and RTL مرحبا and combining e\u0301 and a zero\u200bwidth space.\n",
    ];

    private static readonly string[] XmlSnippets =
    [
        "<section title=\"Intro\" label=\"sec:intro\">\n<p>The derivative \\(f'(x)\\) of \\(x^2\\).</p>\n</section>\n",
        "\\[\n\\frac{\\partial y}{\\partial x}\n\\]\n",
        "<latex>\\begin{tabular}{cc} a & b \\end{tabular}</latex>\n",
        "<sidenote>Margin <b>bold</b> text.</sidenote>\n",
        "<ul><li>one</li><li>two <i>it</i></li></ul>\n",
        "<figure><img src=\"images/x.png\"/><caption>Cap</caption></figure>\n",
        "<table><tr><th>a</th></tr><tr><td>$b$</td></tr></table>\n",
        "<abstract>Short \\(\\sum_i x_i\\).</abstract>\n",
        "Plain paragraph with &amp; entity and ümlaut.\n",
    ];

    private static readonly string[] Noise = ["{", "}", "$", "$$", "\\", "\\begin{align}", "\\end{equation}", "<", "</p>", "<section", "---", "```", ":::", "[^", "](", "&#x0;", "\u0000", "\uFFFD", "🧪", "𝑥", "\t", "\r\n"];

    [Fact]
    public async Task A_thousand_mutated_documents_never_crash_or_hang()
    {
        var random = new Random(Seed);
        var root = Repo.TempDirectory("bookish-fuzz-");
        var cache = Path.Combine(root, "cache");
        var watch = Stopwatch.StartNew();
        var realTex = 0;
        try
        {
            for (var n = 0; n < Documents; n++)
            {
                var folder = Path.Combine(root, $"d{n}");
                Directory.CreateDirectory(folder);
                var xml = n % 3 == 2;
                string input;
                if (xml)
                {
                    input = Path.Combine(folder, "article.xml");
                    Write(input, Mutate(random, "<article title=\"Fuzz\">\n<include file=\"ch.xml\"/>\n</article>\n", XmlSnippets, 0));
                    Write(Path.Combine(folder, "ch.xml"), Mutate(random, "<chapter title=\"Kapitel\">\n" + Compose(random, XmlSnippets) + "</chapter>\n", XmlSnippets, 3));
                }
                else
                {
                    input = Path.Combine(folder, "index.md");
                    Write(input, Mutate(random, Compose(random, MarkdownSnippets), MarkdownSnippets, 3));
                }
                // BOOKISH_FUZZ_ONLY=n replays one document of the seeded stream (the others are generated, not run).
                if (Environment.GetEnvironmentVariable("BOOKISH_FUZZ_ONLY") is { } only && only != n.ToString())
                {
                    Directory.Delete(folder, true);
                    realTex += n % RealTexEvery == 0 ? 1 : 0;
                    continue;
                }
                var real = n % RealTexEvery == 0;
                var output = Path.Combine(folder, "out");
                var what = $"document {n} ({input})";
                try
                {
                    if (Environment.GetEnvironmentVariable("BOOKISH_FUZZ_KEEP") is { } keep) File.Copy(input, Path.Combine(keep, $"fuzz-{n}{Path.GetExtension(input)}"), true);
                    await Bounded(() => Task.Run(() => Checker.Run(input, autoDerivatives: n % 2 == 0)), what + " check");
                    var result = await Bounded(() => Publisher.BuildAsync(new BuildOptions(input)
                    {
                        OutputDirectory = output,
                        Pdf = real,
                        CacheDirectory = cache,
                        SocialCard = n % 10 == 0,
                        TexTimeout = TimeSpan.FromSeconds(10),
                        MathRenderer = real ? null : new FakeTexSeam(),
                    }), what + " build");
                    if (real)
                    {
                        realTex++;
                        if (result.PdfPath is { } pdf && File.Exists(pdf))
                            await Bounded(() => Task.Run(() => ParityChecker.Compare(output, pdf)), what + " parity");
                    }
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    Assert.Fail($"{what} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- input ---\n{Excerpt(input)}");
                }
                Directory.Delete(folder, true);
            }
        }
        finally
        {
            try { Directory.Delete(root, true); } catch (IOException) { }
        }
        Assert.Equal(Documents / RealTexEvery, realTex);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(8), $"fuzzing took {watch.Elapsed}");
    }

    /// <summary>Cuts can split a surrogate pair: such a half becomes U+FFFD, as any editor would save it.</summary>
    private static void Write(string path, string text) =>
        File.WriteAllText(path, text, new UTF8Encoding(false, throwOnInvalidBytes: false));

    private static async Task<T> Bounded<T>(Func<Task<T>> work, string what)
    {
        var task = work();
        try
        {
            return await task.WaitAsync(PerDocument);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{what} did not finish within {PerDocument.TotalSeconds} s");
            throw;
        }
    }

    private static string Compose(Random r, string[] snippets)
    {
        var sb = new StringBuilder();
        var count = r.Next(2, 9);
        for (var i = 0; i < count; i++) sb.Append(snippets[r.Next(snippets.Length)]).Append('\n');
        return sb.ToString();
    }

    /// <summary>Cuts, repeats, nests and sprinkles: the kinds of damage hand-edited documents and hostile ones show.</summary>
    private static string Mutate(Random r, string text, string[] snippets, int rounds)
    {
        var s = new StringBuilder(text);
        for (var i = 0; i < rounds + r.Next(3); i++)
        {
            var at = s.Length == 0 ? 0 : r.Next(s.Length);
            switch (r.Next(9))
            {
                case 0: // cut a piece out (unbalanced constructs)
                    s.Remove(at, Math.Min(r.Next(1, 40), s.Length - at));
                    break;
                case 1: // noise
                    s.Insert(at, Noise[r.Next(Noise.Length)]);
                    break;
                case 2: // deep nesting of one construct
                    var unit = new[] { "> ", "- ", "[", "{", "(", "<b>", "\\frac{", "\\sqrt{", "*" }[r.Next(9)];
                    s.Insert(at, string.Concat(Enumerable.Repeat(unit, r.Next(50, r.Next(2) == 0 ? 400 : 5000))));
                    break;
                case 3: // another snippet in the middle of this one
                    s.Insert(at, snippets[r.Next(snippets.Length)]);
                    break;
                case 4: // a repeated run
                    var len = Math.Min(r.Next(1, 20), s.Length - at);
                    if (len > 0) s.Insert(at, string.Concat(Enumerable.Repeat(s.ToString(at, len), r.Next(2, 300))));
                    break;
                case 5: // random Unicode
                    for (var k = r.Next(1, 12); k > 0; k--) s.Insert(Math.Min(at, s.Length), (char)(r.Next(2) == 0 ? r.Next(0x20, 0xD800) : r.Next(0xE000, 0xFFFE)));
                    break;
                case 6: // a huge number
                    s.Insert(at, new string('9', r.Next(20, 500)));
                    break;
                case 7: // swap two halves (front matter lands mid-document)
                    var text2 = s.ToString();
                    s.Clear().Append(text2[at..]).Append(text2[..at]);
                    break;
                default: // truncate
                    s.Length = at;
                    break;
            }
        }
        return s.ToString();
    }

    private static string Excerpt(string input)
    {
        var text = File.Exists(input) ? File.ReadAllText(input) : "";
        return text.Length > 2000 ? text[..2000] + "…" : text;
    }

    /// <summary>The TeX seam faked (as the unit tests do): each fragment a small SVG with fixed metrics.</summary>
    private sealed class FakeTexSeam : IMathRenderer
    {
        public Task<MathBatchResult> RenderAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings, CancellationToken cancellationToken = default)
        {
            var rendered = new Dictionary<string, RenderedMath>();
            foreach (var f in fragments)
                rendered[f.Key(settings)] = new RenderedMath("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 12\"><path d=\"M0 0L1 1Z\"/></svg>", 1.5, 0.8, 0.25);
            return Task.FromResult(new MathBatchResult(rendered, []));
        }
    }
}
