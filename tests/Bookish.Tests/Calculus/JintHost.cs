using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;

namespace Bookish.Tests.Calculus;

/// <summary>
/// Runs JavaScript in Jint (the version pinned in Directory.Packages.props). The test project does not reference the
/// package yet, so the engine is loaded by reflection from the NuGet packages folder; with a
/// <c>&lt;PackageReference Include="Jint" /&gt;</c> it is found directly.
/// </summary>
internal sealed class JintHost
{
    private readonly object _engine;
    private readonly MethodInfo _execute;
    private readonly MethodInfo _evaluate;

    private JintHost(Type engineType)
    {
        _engine = Activator.CreateInstance(engineType)!;
        _execute = engineType.GetMethods().First(m => m.Name == "Execute" && m.GetParameters() is { Length: >= 1 } p && p[0].ParameterType == typeof(string));
        _evaluate = engineType.GetMethods().First(m => m.Name == "Evaluate" && m.GetParameters() is { Length: >= 1 } p && p[0].ParameterType == typeof(string));
    }

    public static JintHost Create() => new(FindEngineType());

    public void Execute(string code) => Invoke(_execute, code);

    public string Evaluate(string code) => Invoke(_evaluate, code)?.ToString() ?? "";

    private object? Invoke(MethodInfo method, string code)
    {
        var ps = method.GetParameters();
        var args = new object?[ps.Length];
        args[0] = code;
        for (int i = 1; i < ps.Length; i++) args[i] = ps[i].HasDefaultValue ? ps[i].DefaultValue : null;
        try
        {
            return method.Invoke(_engine, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            throw new InvalidOperationException("JavaScript failed: " + ex.InnerException.Message, ex.InnerException);
        }
    }

    private static Type FindEngineType()
    {
        var direct = Type.GetType("Jint.Engine, Jint");
        if (direct != null) return direct;
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string version = PinnedJintVersion();
        string jintDir = LibDir(Path.Combine(packages, "jint", version));
        var acornimaRoot = Path.Combine(packages, "acornima");
        var dirs = new List<string> { jintDir };
        if (Directory.Exists(acornimaRoot))
            dirs.AddRange(Directory.GetDirectories(acornimaRoot).OrderByDescending(d => d, StringComparer.Ordinal).Select(LibDir));
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            foreach (var d in dirs)
            {
                var candidate = Path.Combine(d, name.Name + ".dll");
                if (File.Exists(candidate)) return context.LoadFromAssemblyPath(candidate);
            }
            return null;
        };
        var asm = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(jintDir, "Jint.dll"));
        return asm.GetType("Jint.Engine", throwOnError: true)!;
    }

    private static string LibDir(string packageDir)
    {
        foreach (var tfm in new[] { "net10.0", "net9.0", "net8.0", "netstandard2.1" })
        {
            var d = Path.Combine(packageDir, "lib", tfm);
            if (Directory.Exists(d)) return d;
        }
        throw new DirectoryNotFoundException($"no usable lib folder in {packageDir}: restore Jint (add <PackageReference Include=\"Jint\" /> to the test project)");
    }

    private static string PinnedJintVersion()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))) dir = dir.Parent;
        if (dir == null) return "4.18.0";
        var m = Regex.Match(File.ReadAllText(Path.Combine(dir.FullName, "Directory.Packages.props")), "Include=\"Jint\"\\s+Version=\"([^\"]+)\"");
        return m.Success ? m.Groups[1].Value : "4.18.0";
    }
}
