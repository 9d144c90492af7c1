using System.Text.Json;
using System.Text.Json.Nodes;
using Bookish.Calculus;
using Xunit;

namespace Bookish.Tests.Calculus;

/// <summary>
/// Issue 18: the tables both derivative checkers use live in one data file, templates/derivcheck-tables.json. The C#
/// checker embeds it; the block between the 'generated' markers in templates/derivcheck.js is generated from it
/// (BOOKISH_UPDATE_GOLDEN=1 rewrites the block, never when CI=true).
/// </summary>
public sealed class SharedTablesTests
{
    private const string Begin = "  // <generated from templates/derivcheck-tables.json";
    private const string End = "  // </generated>";

    private static string Root => Directory.GetParent(ConformanceCorpus.PathToFile())!.Parent!.Parent!.FullName;

    private static string Generated()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "templates", "derivcheck-tables.json")))!.AsObject();
        json.Remove("_comment");
        return "  var TABLES = " + json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + ";";
    }

    [Fact]
    public void The_page_checkers_tables_are_generated_from_the_shared_data_file()
    {
        var path = Path.Combine(Root, "templates", "derivcheck.js");
        var lines = File.ReadAllLines(path).ToList();
        int begin = lines.FindIndex(l => l.StartsWith(Begin, StringComparison.Ordinal));
        int end = lines.FindIndex(begin + 1, l => l == End);
        Assert.True(begin >= 0 && end > begin, "derivcheck.js has no generated-tables block");
        var expected = Generated();
        var actual = string.Join("\n", lines.Skip(begin + 1).Take(end - begin - 1));
        if (actual != expected && Environment.GetEnvironmentVariable("BOOKISH_UPDATE_GOLDEN") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            lines.RemoveRange(begin + 1, end - begin - 1);
            lines.Insert(begin + 1, expected);
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
            actual = expected;
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_csharp_checker_reads_the_same_tables()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "templates", "derivcheck-tables.json")));
        var greek = doc.RootElement.GetProperty("greek").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        var functions = doc.RootElement.GetProperty("matrixFunctions").EnumerateArray().Select(e => e.GetString()).ToHashSet();

        Assert.True(greek.SetEquals(CalculusTables.Greek));
        Assert.True(functions.SetEquals(CalculusTables.MatrixFunctions));
        Assert.Equal(doc.RootElement.GetProperty("operatorNames").EnumerateObject().Count(), CalculusTables.OperatorNames.Count);
    }
}
