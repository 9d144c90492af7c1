using System.Text;
using Xunit;
using Bookish.Checks.Parity;
using Bookish.Publishing;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Parity;

/// <summary>
/// Figures and tables float in the PDF ([htbp]): a table that does not fit where it stands goes to the next page while
/// the text after it fills this one. Parity compares floats as units and the prose without them: no false alarm for
/// the move, and a real difference inside a float is still found.
/// </summary>
public sealed class Parity_float_tests(ITestOutputHelper output)
{
    private static readonly string[] Topics =
    [
        "learning rate", "batch size", "momentum term", "weight decay", "warm-up schedule", "dropout rate", "gradient clipping",
        "validation split", "early stopping", "label smoothing", "data augmentation", "mixed precision",
    ];

    private static string Document()
    {
        var sb = new StringBuilder("---\ntitle: Tuning notes\ntoc: false\n---\n\n# Before the sweep\n\n");
        for (var i = 0; i < 9; i++)
            sb.Append($"Paragraph {i + 1} is about the {Topics[i % Topics.Length]}: we changed it on run {i + 3}, watched the curve for {10 + i} epochs, and wrote down what moved and what stayed where it was before the change of setting number {i + 1}.\n\n");
        sb.Append("| Run | Setting | Loss | Accuracy |\n|---|---|---|---|\n");
        for (var i = 0; i < 26; i++) sb.Append($"| {i + 1} | {Topics[i % Topics.Length]} | 0.{700 + i * 7} | 0.{800 + i * 3} |\n");
        sb.Append("\nTable: Final losses of every sweep run {#tbl:sweep}\n\n");
        sb.Append("Afterwards the remaining paragraphs explain the sweep. ");
        for (var i = 0; i < 6; i++) sb.Append($"Observation {i + 1} concerns the {Topics[(i + 5) % Topics.Length]} and how run {i + 7} reacted to it. ");
        sb.Append("\n\nThe last word goes to the reader, who can rerun everything.\n");
        return sb.ToString();
    }

    [Fact(Timeout = 240_000)]
    public async Task A_table_carried_to_the_next_page_is_no_difference_but_a_changed_cell_or_caption_is()
    {
        var folder = Path.Combine(Repo.Scratch, "float-moved");
        Directory.CreateDirectory(folder);
        var source = Path.Combine(folder, "tuning.md");
        File.WriteAllText(source, Document());
        var (build, output1) = await Parity_false_alarm_corpus_tests.BuildAsync("float", source, "float-moved-out");

        // The table really floated: the text written after it comes before its caption in the PDF.
        var pdf = PdfSide.Read(File.ReadAllBytes(build.PdfPath!), false);
        var words = pdf.Body.Select(w => w.Text).ToList();
        var caption = words.FindIndex(w => w == "Table");
        var after = words.IndexOf("Afterwards");
        Assert.True(caption >= 0 && after >= 0 && after < caption, $"the table did not move (caption at word {caption}, the following text at {after})");

        ParityAssert.Agree(ParityChecker.Compare(output1, build.PdfPath!), output);

        // A changed cell and a changed caption in the page are found, inside the float.
        var page = Path.Combine(output1, "index.html");
        var html = File.ReadAllText(page);
        var tampered = Path.Combine(folder, "tampered.html");
        File.WriteAllText(tampered, html.Replace("0.763", "0.999").Replace("Final losses of every sweep run", "Final accuracies of every sweep run"));
        var report = ParityChecker.Compare(tampered, build.PdfPath!);
        ParityAssert.Found(report, ParityKind.Table, d => ParityAssert.Has(d.Message, "accuracies"), output);
        Assert.Contains(report.Differences, d => ParityAssert.Has(d.Message, "0.999") || ParityAssert.Has(d.Message, "0.763"));
    }
}
