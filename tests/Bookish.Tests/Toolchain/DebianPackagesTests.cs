using Bookish.Toolchain;

namespace Bookish.Tests.Toolchain;

public sealed class DebianPackagesTests
{
    [Theory]
    [InlineData("pdflatex")]
    [InlineData("latex")]
    [InlineData("pdftex")]
    [InlineData("kpsewhich")]
    [InlineData("mutool")]
    [InlineData("dvisvgm")]
    [InlineData("bwrap")]
    public void Every_program_Bookish_runs_has_its_Debian_packages_in_the_one_list(string tool)
    {
        var row = Assert.Single(DebianPackages.All, r => r.Kind == "tool" && r.Name == tool);

        Assert.Equal("build", row.When);
        Assert.Equal(row.Packages, DebianPackages.For(tool));
        Assert.Matches("^[a-z0-9.+-]+( [a-z0-9.+-]+)*$", row.Packages);
    }

    [Fact]
    public void A_missing_program_is_reported_with_the_apt_get_line_for_its_packages()
    {
        var e = new ToolMissingException("mutool", DebianPackages.For("mutool"));

        Assert.Contains("apt-get install -y mupdf-tools", e.Message);
    }

    [Fact]
    public void A_row_without_four_columns_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => DebianPackages.Parse("tool\tpdflatex build texlive-latex-base\n"));
    }

    [Fact]
    public void Every_row_names_a_known_kind_and_when()
    {
        Assert.All(DebianPackages.All, r =>
        {
            Assert.Contains(r.Kind, new[] { "tool", "sty", "file" });
            Assert.Contains(r.When, new[] { "build", "test", "execute", "compile" });
        });
    }
}
