namespace Bookish.Publishing;

/// <summary>Finds the templates folder: an explicit one, the one shipped beside the program, or the repository's.</summary>
internal static class Templates
{
    public static string Directory(string? explicitDirectory = null)
    {
        if (explicitDirectory is not null) return explicitDirectory;
        var beside = Path.Combine(AppContext.BaseDirectory, "templates");
        if (File.Exists(Path.Combine(beside, "page.html"))) return beside;
        for (var dir = new DirectoryInfo(System.IO.Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "templates");
            if (File.Exists(Path.Combine(candidate, "page.html"))) return candidate;
        }
        throw new DirectoryNotFoundException("templates/page.html was not found beside the program or above the current folder");
    }
}
