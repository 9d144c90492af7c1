using Bookish.Equations;

namespace Bookish.Tests.Equations;

public sealed class LoopPiecesTests
{
    [Theory]
    [InlineData(97, 8)]
    [InlineData(10, 2)]
    [InlineData(3, 8)]
    [InlineData(0, 8)]
    public void The_fragments_after_a_loop_are_split_into_contiguous_pieces_of_near_equal_size_in_order(int count, int pieces)
    {
        var list = Enumerable.Range(0, count).ToList();

        var split = TexBatchRenderer.Pieces(list, pieces).ToList();

        Assert.Equal(list, split.SelectMany(p => p));
        Assert.True(split.Count <= Math.Max(1, pieces));
        if (count > 0) Assert.True(split.Max(p => p.Count) - split.Min(p => p.Count) <= 1, string.Join(",", split.Select(p => p.Count)));
    }
}
