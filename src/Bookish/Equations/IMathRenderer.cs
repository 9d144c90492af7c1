namespace Bookish.Equations;

/// <summary>Renders distinct math fragments to sized SVG, all of them in batches.</summary>
public interface IMathRenderer
{
    Task<MathBatchResult> RenderAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings, CancellationToken cancellationToken = default);
}
