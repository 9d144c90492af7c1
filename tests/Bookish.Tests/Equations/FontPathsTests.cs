using Bookish.Equations.Dvi;

namespace Bookish.Tests.Equations;

public sealed class FontPathsTests
{
    [Theory]
    [InlineData("cmr10.pfb", "/usr/share/texlive/texmf-dist/fonts/type1/public/amsfonts/cm/cmr10.pfb", true)]
    [InlineData("pdftex.map", "/var/lib/texmf/fonts/map/pdftex/updmap/pdftex.map", true)]
    [InlineData("cmr10.vf", "", true)]
    [InlineData("cmr10.pfb", "/etc/passwd", false)]
    [InlineData("passwd", "/etc/passwd", false)]
    [InlineData("cmr10.pfb", "/usr/share/texlive/../../../etc/cmr10.pfb", false)]
    [InlineData("cmr10.pfb", "/usr/share/texlive/texmf-dist/fonts/cmr7.pfb", false)]
    [InlineData("cmr10.pfb", "usr/share/texlive/cmr10.pfb", false)]
    [InlineData("../cmr10.pfb", "/usr/share/texlive/cmr10.pfb", false)]
    [InlineData("cmr10.pfb", "/home/user/texmf/cmr10.pfb", false)]
    public void Only_a_file_of_that_name_inside_the_TeX_installation_is_kept(string name, string path, bool kept) =>
        Assert.Equal(kept, FontPaths.Acceptable(name, path));

    [Fact]
    public void A_table_someone_edited_answers_only_for_real_files_inside_the_installation()
    {
        var dir = Directory.CreateTempSubdirectory("bookish-fontpaths-").FullName;
        try
        {
            var real = Directory.GetFiles("/usr/share/texlive", "cmr10.tfm", SearchOption.AllDirectories).FirstOrDefault();
            var file = Path.Combine(dir, "fonts.tsv");
            File.WriteAllLines(file,
            [
                "cmr10.pfb\t/etc/passwd",
                "secret.tfm\t/usr/share/texlive/texmf-dist/fonts/tfm/gone/secret.tfm",
                "cmr10.vf\t",
                "bad line",
                .. real is null ? Array.Empty<string>() : ["cmr10.tfm\t" + real],
            ]);
            var table = FontPaths.Load(file);

            Assert.False(table.TryFind("cmr10.pfb", out _));
            Assert.False(table.TryFind("secret.tfm", out _));
            Assert.True(table.TryFind("cmr10.vf", out var missing));
            Assert.Null(missing);
            if (real is not null)
            {
                Assert.True(table.TryFind("cmr10.tfm", out var found));
                Assert.Equal(real, found);
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void What_a_lookup_finds_is_written_for_the_next_build()
    {
        var dir = Directory.CreateTempSubdirectory("bookish-fontpaths-").FullName;
        try
        {
            var file = Path.Combine(dir, "fonts.tsv");
            FontPaths.Load(file).Add([("cmr10.vf", ""), ("cmr10.pfb", "/etc/passwd")]);
            var lines = File.ReadAllLines(file);
            Assert.Equal(["cmr10.vf\t"], lines);
            Assert.True(FontPaths.Load(file).TryFind("cmr10.vf", out var path));
            Assert.Null(path);
        }
        finally { Directory.Delete(dir, true); }
    }
}
