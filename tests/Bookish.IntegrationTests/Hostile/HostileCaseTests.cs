using System.IO.Compression;
using System.Text;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>The hostile-document harness itself finds a secret wherever it hides, so its silence means something.</summary>
public sealed class HostileCaseTests
{
    [Fact]
    public void A_secret_inside_a_deflated_pdf_stream_is_found()
    {
        using var c = new HostileCase();
        Directory.CreateDirectory(c.Output);
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            z.Write(Encoding.ASCII.GetBytes("BT /F1 10 Tf (" + c.CanaryText + ") Tj ET"));
        var file = Path.Combine(c.Output, "doc.pdf");
        File.WriteAllBytes(file, [.. Encoding.ASCII.GetBytes("%PDF-1.5\n1 0 obj << /Filter /FlateDecode >>\nstream\n"), .. packed.ToArray(), .. Encoding.ASCII.GetBytes("\nendstream\nendobj\n")]);
        Assert.True(HostileCase.Leaks(file, c.CanaryText));
        Assert.False(HostileCase.Leaks(file, c.CanaryValue));
    }

    [Fact]
    public async Task A_file_written_beside_the_project_is_caught()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Fine\n\nNothing here.\n");
        var outcome = await c.BuildAsync("index.md", "--no-pdf");
        c.AssertContained(outcome);
        File.WriteAllText(Path.Combine(c.Root, "dropped.txt"), "x");
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => c.AssertContained(outcome));
    }
}
