namespace Bookish.Toolchain;

/// <summary>A required external program is not installed: the environment, not the input, is wrong (exit code 3).</summary>
public sealed class ToolMissingException(string tool, string package)
    : Exception($"'{tool}' was not found on PATH; install it with: apt-get install -y {package}")
{
    public string Tool { get; } = tool;
    public string Package { get; } = package;
}
