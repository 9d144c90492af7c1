using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bookish.Reading;

/// <summary>
/// Guards against YAML that is small as text but huge as data: aliases of aliases ("billion laughs") and deep
/// nesting. Counts the values the YAML stands for, each alias counted at the size of what it names, without
/// building anything.
/// </summary>
internal static class YamlLimits
{
    public const long MaxValues = 100_000;
    public const int MaxDepth = 200;

    /// <summary>Null when the YAML is within bounds (or unparsable: the real reader reports that); otherwise why not.</summary>
    public static string? Problem(string yaml)
    {
        var anchors = new Dictionary<string, long>();
        var stack = new Stack<(long Size, string? Anchor)>();
        long total = 0;
        void Complete(long size, string? anchor)
        {
            if (anchor is { Length: > 0 }) anchors[anchor] = size;
            if (stack.Count > 0) { var (s, a) = stack.Pop(); stack.Push((s + size, a)); }
            else total += size;
        }
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case Scalar sc:
                        Complete(1, sc.Anchor.IsEmpty ? null : sc.Anchor.Value);
                        break;
                    case AnchorAlias alias:
                        Complete(anchors.GetValueOrDefault(alias.Value.Value, 1), null);
                        break;
                    case SequenceStart ss:
                        stack.Push((1, ss.Anchor.IsEmpty ? null : ss.Anchor.Value));
                        if (stack.Count > MaxDepth) return $"nested deeper than {MaxDepth} levels";
                        break;
                    case MappingStart ms:
                        stack.Push((1, ms.Anchor.IsEmpty ? null : ms.Anchor.Value));
                        if (stack.Count > MaxDepth) return $"nested deeper than {MaxDepth} levels";
                        break;
                    case SequenceEnd or MappingEnd when stack.Count > 0:
                        var (size, anchor) = stack.Pop();
                        Complete(size, anchor);
                        break;
                }
                var open = stack.Sum(s => s.Size);
                if (total + open > MaxValues) return $"stands for more than {MaxValues:N0} values (aliases of aliases?)";
            }
        }
        catch (YamlException)
        {
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner fails this way on some damaged input: unreadable, not a crash.
            return "cannot be read as YAML (" + e.Message + ")";
        }
        return null;
    }
}
