using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using Bookish.Writing.Markdown;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Importing;

/// <summary>
/// Issue 22: a Jekyll post written the way math bloggers write (kramdown, MathJax habits) converts with
/// <c>bookish convert --from kramdown</c> and builds with real TeX: no diagnostics, every equation rendered.
/// </summary>
public sealed class KramdownImportTests(ITestOutputHelper output)
{
    /// <summary>35 equations: 25 inline <c>$$…$$</c> (2 in a caption, 4 in a table, 3 in a list), 5 display <c>$$</c> blocks, 5 bare environments.</summary>
    private const string Post = """
        ---
        layout: post
        title:  "Notes on least squares, the MathJax way"
        date:   2018-10-07 21:14:03 -0400
        author: Priya Raman
        categories: optimisation
        tags: [linear-algebra, regression]
        mathjax: true
        comments: true
        ---

        * TOC
        {:toc}

        ## The problem
        {: #problem}

        We observe $$y \in \mathbb{R}^m$$ and a design matrix $$X \in \mathbb{R}^{m \times n}$$ with $$m > n$$, and look for $$\beta \in \mathbb{R}^n$$ that minimises $$\|y - X\beta\|_2^2$$.
        The residual is $$r = y - X\beta$$.

        $$
        f(\beta) = (y - X\beta)^\top (y - X\beta)
        $$

        See [my post on projections]({% post_url 2018-09-01-projections %}) and the [notation page]({{ "/notation/" | relative_url }}) first; the
        [slides]({{ site.baseurl }}/assets/slides.pdf) have pictures.

        ## Normal equations

        Expanding gives $$f(\beta) = y^\top y - 2\beta^\top X^\top y + \beta^\top X^\top X \beta$$, and the gradient is

        $$\nabla f(\beta) = -2X^\top y + 2X^\top X\beta$$

        Setting it to zero,

        \begin{align}
        X^\top X \hat\beta &= X^\top y \\
        \hat\beta &= (X^\top X)^{-1} X^\top y
        \end{align}

        provided $$X^\top X$$ is invertible, i.e. $$\operatorname{rank}(X) = n$$.
        {: .notice--info}

        <img src="{{ site.baseurl }}/assets/img/fit.png" alt="fit" width="70%">
        *Figure 1: The fitted line $$\hat y = X\hat\beta$$ and the residuals $$r_i$$.*

        ## The hat matrix

        The projection $$H = X(X^\top X)^{-1}X^\top$$ is symmetric and idempotent:

        \begin{equation}
        H^2 = H, \qquad H^\top = H
        \end{equation}

        so $$\hat y = Hy$$ and $$r = (I - H)y$$. Its trace is

        $$
        \operatorname{tr}(H) = \operatorname{tr}\left((X^\top X)^{-1} X^\top X\right) = n
        $$

        | quantity | value |
        |---|---|
        | $$\operatorname{tr}(H)$$ | $$n$$ |
        | $$\operatorname{tr}(I - H)$$ | $$m - n$$ |

        ## Ridge

        Adding a penalty $$\lambda \|\beta\|^2$$ with $$\lambda > 0$$:

        $$
        \begin{aligned}
        f_\lambda(\beta) &= \|y - X\beta\|^2 + \lambda \|\beta\|^2 \\
        \hat\beta_\lambda &= (X^\top X + \lambda I)^{-1} X^\top y
        \end{aligned}
        $$

        - the solution exists for every $$\lambda > 0$$
        - as $$\lambda \to 0$$ it tends to $$\hat\beta$$

        \begin{gather*}
        \frac{\partial f_\lambda}{\partial \beta} = 2X^\top(X\beta - y) + 2\lambda\beta
        \end{gather*}

        ## Gradient descent

        ~~~
        beta = beta - eta * 2 * X.T @ (X @ beta - y)   # $$ is not math here
        ~~~
        {: .language-python}

        With step $$\eta < 1/\sigma_{\max}(X)^2$$ the iteration

        \begin{equation*}
        \beta_{k+1} = \beta_k - 2\eta X^\top (X\beta_k - y)
        \end{equation*}

        converges, and

        $$\|\beta_k - \hat\beta\| \le (1 - 2\eta\sigma_{\min}^2)^k \|\beta_0 - \hat\beta\|$$

        \begin{align*}
        e_k &= \beta_k - \hat\beta \\
        e_{k+1} &= (I - 2\eta X^\top X) e_k
        \end{align*}

        That's all: $$\hat\beta$$ three ways.
        """;

    [Fact(Timeout = 300_000)]
    public async Task A_kramdown_post_converts_and_builds_with_no_diagnostics_and_every_equation_rendered()
    {
        var site = Repo.TempDirectory("bookish-jekyll-");
        Directory.CreateDirectory(Path.Combine(site, "_posts"));
        Directory.CreateDirectory(Path.Combine(site, "assets", "img"));
        File.WriteAllText(Path.Combine(site, "_config.yml"), "title: A blog\n");
        File.Copy(Path.Combine(Repo.Root, "tests", "Bookish.IntegrationTests", "Importing", "fit.png"), Path.Combine(site, "assets", "img", "fit.png"));
        var post = Path.Combine(site, "_posts", "2018-10-07-least-squares.md");
        File.WriteAllText(post, Post.Replace("\r", ""));
        var converted = Path.Combine(site, "converted");

        var conversion = MarkdownConversion.ConvertKramdown(post, converted);
        var markdown = Path.Combine(converted, "2018-10-07-least-squares.md");
        output.WriteLine(File.ReadAllText(markdown));
        var dir = Repo.TempDirectory();
        var build = await Publisher.BuildAsync(new BuildOptions(markdown) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });

        Assert.Empty(conversion.Diagnostics);
        Assert.Contains("assets/img/fit.png", conversion.Files);
        Assert.Empty(build.Diagnostics);
        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(build.OutputDirectory, "index.html")));
        var equations = html.QuerySelectorAll("main .math.inline, main .math.display").ToList();
        Assert.Equal(35, equations.Count);
        Assert.All(equations, e => Assert.NotNull(e.QuerySelector("svg")));
        Assert.Equal(25, html.QuerySelectorAll("main .math.inline").Length);
        // The TOC marker became the contents list, the attribute lines a heading id and a callout, the image a figure.
        Assert.NotNull(html.QuerySelector("nav.toc a"));
        Assert.NotNull(html.GetElementById("problem"));
        Assert.NotNull(html.QuerySelector("main .callout"));
        var figure = Assert.Single(html.QuerySelectorAll("main figure"));
        Assert.Equal(2, figure.QuerySelectorAll("figcaption .math.inline").Length);
        Assert.Equal("../2018-09-01-projections/", html.QuerySelector("a[href*='projections']")?.GetAttribute("href"));
        Assert.NotNull(build.PdfPath);
        Assert.True(File.Exists(build.PdfPath));
    }
}
