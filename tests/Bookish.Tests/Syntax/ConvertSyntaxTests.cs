using Bookish.Tests.Reading;
using Bookish.Writing.Markdown;

namespace Bookish.Tests.Syntax;

/// <summary>The Markdown writer (<c>convert</c>) writes theorem-likes and citations back in the syntax the reader reads.</summary>
public sealed class ConvertSyntaxTests
{
    [Fact]
    public void Theorems_and_citations_written_as_Markdown_read_back_the_same()
    {
        const string source = """
            ::: {.theorem #thm:chain title="Chain rule"}
            Composition [see @doe2020, p. 3; -@roe] works, as @doe2020 [ch. 2] and @roe show.

            ::: proof
            Compose.
            :::
            :::
            """;
        var doc = TestDocuments.Read(source);
        var back = TestDocuments.Read(MarkdownWriter.Write(doc));
        Assert.Equal(ModelDump.Dump(doc.Blocks), ModelDump.Dump(back.Blocks));
    }
}
