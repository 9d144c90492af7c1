using Xunit;
using System.Text.RegularExpressions;
using Bookish.Checks.Parity;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Parity;

/// <summary>Drift seeded into one output of a good build: found, and located in the source, the page and the PDF.</summary>
public sealed class Parity_seeded_drift_tests(ITestOutputHelper output)
{
    private static string Line(string name, string file, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(Parity_false_alarm_corpus_tests.Corpus(name), file));
        return $"{file}:{Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1}";
    }

    [Fact]
    public async Task Text_of_an_SVG_figure_missing_from_the_PDF_is_found_at_the_figure()
    {
        // The page is built from the document as it is; the PDF from a copy whose SVG image lost its label "input one".
        var (_, folder) = await Parity_false_alarm_corpus_tests.BuildAsync("diagrams");
        var copy = Path.Combine(Repo.Scratch, "diagrams-without-label");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Parity_false_alarm_corpus_tests.Corpus("diagrams")))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)), true);
        var svg = Path.Combine(copy, "neuron.svg");
        var edited = File.ReadAllText(svg).Replace(">input one<", "><");
        Assert.NotEqual(File.ReadAllText(svg), edited);
        File.WriteAllText(svg, edited);
        var (other, _) = await Parity_false_alarm_corpus_tests.BuildAsync("diagrams", copy, "diagrams-without-label-out");
        var report = ParityChecker.Compare(folder, other.PdfPath!);
        var d = ParityAssert.Found(report, ParityKind.Figure, d => ParityAssert.Has(d.Html, "one") && d.Message.Contains("the PDF lacks"), output);
        Assert.Equal(Line("diagrams", "index.md", "![A neuron"), d.Location.Source);
        Assert.Equal("1 A single neuron", d.Location.Section);
    }

    [Fact]
    public async Task Text_removed_from_a_plot_in_the_PDF_only_is_found()
    {
        var (build, folder) = await Parity_false_alarm_corpus_tests.BuildAsync("probability");
        // The page's plot says "logistic NLL"; a page edited to say something else no longer matches the PDF's plot.
        var html = Path.Combine(folder, "index.html");
        File.WriteAllText(html, File.ReadAllText(html).Replace("logistic NLL", "hinge loss"));
        var report = ParityChecker.Compare(folder, build.PdfPath!);
        var d = ParityAssert.Found(report, ParityKind.Figure, d => ParityAssert.Has(d.Html, "hinge") && ParityAssert.Has(d.Pdf, "logistic"), output);
        Assert.Equal(Line("probability", "index.md", "```plot"), d.Location.Source);
    }

    [Fact]
    public async Task A_paragraph_dropped_from_one_chapter_of_a_book_is_found_in_that_chapter()
    {
        var (build, folder) = await Parity_false_alarm_corpus_tests.BuildAsync("optimisation-book");
        var page = Path.Combine(folder, "momentum.html");
        var text = File.ReadAllText(page);
        var dropped = Regex.Replace(text, @"<p data-src=""momentum.md:\d+"">With .*?</p>", "", RegexOptions.Singleline);
        Assert.NotEqual(text, dropped);
        File.WriteAllText(page, dropped);
        var report = ParityChecker.Compare(folder, build.PdfPath!);
        var d = ParityAssert.Found(report, ParityKind.Prose, d => ParityAssert.Has(d.Pdf, "plain descent again"), output);
        Assert.StartsWith("momentum.md:", d.Location.Source);
        Assert.Contains("Heavy-ball momentum", d.Location.Section);
        Assert.Matches(@"PDF page \d+, line \d+", d.Message);
    }

    [Fact]
    public async Task A_notation_row_changed_in_one_chapter_of_a_book_is_found_in_that_chapter()
    {
        var (build, folder) = await Parity_false_alarm_corpus_tests.BuildAsync("optimisation-book");
        var page = Path.Combine(folder, "momentum.html");
        File.WriteAllText(page, File.ReadAllText(page).Replace("<td>momentum coefficient</td>", "<td>friction coefficient</td>"));
        var report = ParityChecker.Compare(folder, build.PdfPath!);
        var d = ParityAssert.Found(report, ParityKind.Notation, d => ParityAssert.Has(d.Html, "friction") && ParityAssert.Has(d.Pdf, "momentum"), output);
        Assert.Equal(Line("optimisation-book", "momentum.md", "```notation"), d.Location.Source);
        Assert.Single(report.Differences);
    }
}
