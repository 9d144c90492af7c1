using Bookish.Highlighting;

namespace Bookish.Tests.Highlighting;

public sealed class HighlighterTests
{
    private static string Join(HighlightedCode code) => string.Join("\n", Enumerable.Range(0, code.Lines.Length).Select(code.LineText));

    private static TokenKind KindOf(HighlightedCode code, string text) =>
        code.Lines.SelectMany(l => l).First(t => t.Text.Contains(text, StringComparison.Ordinal)).Kind;

    [Fact]
    public void Python_keywords_strings_comments_and_numbers_get_their_kinds()
    {
        var code = Highlighter.Tokenize("python", "def grad(f, x):\n    # central difference\n    h = 1e-6\n    return (f(x + h) - f(x - h)) / (2 * h)  # «ok»\nprint('done')");

        Assert.Equal("python", code.Language);
        Assert.Equal(TokenKind.Keyword, KindOf(code, "def"));
        Assert.Equal(TokenKind.Function, KindOf(code, "grad"));
        Assert.Equal(TokenKind.Comment, KindOf(code, "central difference"));
        Assert.Equal(TokenKind.Number, KindOf(code, "1e-6"));
        Assert.Equal(TokenKind.Keyword, KindOf(code, "return"));
        Assert.Equal(TokenKind.Builtin, KindOf(code, "print"));
        Assert.Equal(TokenKind.String, KindOf(code, "done"));
        Assert.False(code.Incomplete);
    }

    [Theory]
    [InlineData("py", "python")]
    [InlineData("Python", "python")]
    [InlineData("python3", "python")]
    [InlineData("bash", "shellscript")]
    [InlineData("console", "shellscript")]
    [InlineData("c++", "cpp")]
    [InlineData("C#", "csharp")]
    [InlineData("jl", "julia")]
    [InlineData(".rs", "rust")]
    [InlineData("tex", "tex")]
    [InlineData("latex", "latex")]
    [InlineData("yml", "yaml")]
    public void A_language_is_found_by_name_alias_or_extension(string name, string id) => Assert.Equal(id, Highlighter.Resolve(name));

    [Theory]
    [InlineData("text")]
    [InlineData("output")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("klingon")]
    public void Plain_or_unknown_languages_give_one_plain_token_per_line(string? language)
    {
        var code = Highlighter.Tokenize(language, "a = 1\n\nb = 2");

        Assert.Null(code.Language);
        Assert.Equal(3, code.Lines.Length);
        Assert.All(code.Lines.SelectMany(l => l), t => Assert.Equal(TokenKind.Plain, t.Kind));
        Assert.Empty(code.Lines[1]);
    }

    [Theory]
    [InlineData("python", "s = \"\\\\ { } % # $ & ^ _ ~\"\t# tab\r\nx = '\u00e9\u00e8 \u03b1\u2192\u03b2 \u4e2d\u6587 \U0001F600'\n")]
    [InlineData("latex", "\\begin{Verbatim}\\end{Verbatim}\\end{document}\n%comment {\n\\def\\x#1{#1}")]
    [InlineData("c", "/* unterminated comment\nint main() { return 0; }\n\"unterminated string")]
    [InlineData("html", "<script>alert('x')</script><!-- -->")]
    [InlineData("javascript", "let s = `${a}\\u{1F600}`;\n")]
    public void The_tokens_spell_the_code_exactly(string language, string source)
    {
        var code = Highlighter.Tokenize(language, source);

        Assert.Equal(source.Replace("\r", ""), Join(code));
        Assert.All(code.Lines.SelectMany(l => l), t => Assert.DoesNotContain('\n', t.Text));
    }

    [Fact]
    public void Control_characters_are_shown_as_their_pictures_and_carriage_returns_dropped()
    {
        var code = Highlighter.Tokenize("python", "a = '\u0000\u001b[31m'\r\nb = 1\u007f");

        Assert.Equal("a = '\u2400\u241b[31m'\nb = 1\u2421", Join(code));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_plain_and_the_block_is_marked_incomplete()
    {
        var longLine = "x = [" + string.Join(", ", Enumerable.Range(0, 2000)) + "]";
        var code = Highlighter.Tokenize("python", "import numpy as np\n" + longLine + "\ny = 2");

        Assert.True(code.Incomplete);
        Assert.Equal(TokenKind.Plain, Assert.Single(code.Lines[1]).Kind);
        Assert.Equal(TokenKind.Keyword, KindOf(code, "import"));
        Assert.Equal(TokenKind.Number, code.Lines[2].Last().Kind);
        Assert.Equal("import numpy as np\n" + longLine + "\ny = 2", Join(code));
    }

    [Fact]
    public void A_string_opened_on_one_line_colours_the_next_line_too()
    {
        var code = Highlighter.Tokenize("python", "s = \"\"\"first\nsecond\"\"\"\nt = 1");

        Assert.Equal(TokenKind.String, KindOf(code, "second"));
        Assert.Equal(TokenKind.Number, code.Lines[2].Last().Kind);
    }

    [Fact]
    public void The_same_code_always_gives_the_same_tokens_from_many_threads()
    {
        var source = "for i in range(10):\n    print(i ** 2)  # squares";
        var results = Enumerable.Range(0, 8).AsParallel().Select(i => Highlighter.Tokenize(i % 2 == 0 ? "python" : "py", source)).ToList();

        var first = results[0].Lines.SelectMany(l => l).ToList();
        Assert.All(results, r => Assert.Equal(first, r.Lines.SelectMany(l => l).ToList()));
    }
}
