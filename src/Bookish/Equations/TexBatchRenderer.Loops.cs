namespace Bookish.Equations;

/// <summary>How the fragments after an endless loop are searched for more loops: in parallel pieces.</summary>
internal sealed partial class TexBatchRenderer
{
    /// <summary>Into how many pieces, run at once, the fragments after a stalled fragment are split.</summary>
    internal const int StallPieces = 8;

    /// <summary>Fewest fragments in a piece: a TeX start costs more than a few fragments do, so a short rest stays whole.</summary>
    internal const int MinPiece = 4;

    /// <summary>TeX runs of fragments that came after a loop (<see cref="RenderChunkAsync"/>'s suspects) running at once.</summary>
    private SemaphoreSlim _suspectSlots = new(StallPieces);

    /// <summary>
    /// The suspects' pool: large enough that the pieces of two stalled batches run together. A looping TeX holds a place
    /// for the whole stall time without needing a core to itself, so this does not follow the number of cores.
    /// </summary>
    private static int SuspectRuns(MathSettings settings) => Math.Max(2 * StallPieces, 4 * Math.Max(1, settings.Parallelism));

    /// <summary><paramref name="list"/> in at most <paramref name="count"/> contiguous pieces of near-equal size, in order.</summary>
    internal static IEnumerable<List<T>> Pieces<T>(List<T> list, int count)
    {
        count = Math.Max(1, Math.Min(count, list.Count));
        for (int i = 0, start = 0; i < count; i++)
        {
            var size = (list.Count - start) / (count - i);
            yield return list.GetRange(start, size);
            start += size;
        }
    }
}
