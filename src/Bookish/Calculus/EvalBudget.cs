namespace Bookish.Calculus;

/// <summary>
/// An evaluation budget: how many expression nodes one check (or one plot) may evaluate, and how deep evaluation may
/// nest. The budget in force belongs to the thread (checks are synchronous); once spent, every further evaluation
/// throws <see cref="CalcException"/> "too expensive", so loops that skip failing points end at once.
/// </summary>
internal sealed class EvalBudget
{
    /// <summary>Steps of one derivative claim: far above any real claim (a 10,000-term sum at every sample point).</summary>
    public const long ClaimSteps = 4_000_000;
    /// <summary>Steps of one plot (all its functions): thousands of samples of a few-hundred-node function.</summary>
    public const long PlotSteps = 2_000_000;
    /// <summary>Nested evaluation deeper than this is refused (the checks run on a large stack; this keeps them inside it).</summary>
    public const int MaxDepth = 20_000;

    [ThreadStatic] private static EvalBudget? _current;

    public EvalBudget(long steps) => Remaining = Limit = steps;

    public long Limit { get; }
    public long Remaining { get; private set; }
    public bool Exhausted => Remaining < 0;

    /// <summary>Makes <paramref name="budget"/> the thread's budget until disposed (a budget already in force stays).</summary>
    public static IDisposable Enter(EvalBudget budget)
    {
        if (_current is not null) return new Scope(null);
        _current = budget;
        return new Scope(budget);
    }

    /// <summary>Makes <paramref name="budget"/> the thread's budget until disposed, even inside another one.</summary>
    public static IDisposable Replace(EvalBudget budget)
    {
        var previous = _current;
        _current = budget;
        return new Scope(budget, previous, restore: true);
    }

    /// <summary>True when the thread's budget is spent: callers that sample many points stop evaluating at once.</summary>
    public static bool IsSpent => _current is { Remaining: < 0 };

    /// <summary>Charges dense linear algebra by its work (one step per 512 multiply-adds): a matrix function of a 32×32
    /// matrix inside a derivative ends "too expensive" instead of running for minutes.</summary>
    internal static void SpendWork(long multiplyAdds)
    {
        var b = _current;
        if (b is null || multiplyAdds < 512) return;
        b.Remaining -= multiplyAdds / 512;
        if (b.Remaining < 0) throw new CalcException($"too expensive (more than {b.Limit:N0} evaluation steps)");
    }

    internal static void Spend()
    {
        var b = _current;
        if (b is null) return;
        if (--b.Remaining < 0) throw new CalcException($"too expensive (more than {b.Limit:N0} evaluation steps)");
    }

    private double _loops = 1;

    /// <summary>
    /// Enters a loop of <paramref name="terms"/> iterations (a sum): when the loops around it already promise more work
    /// than the budget has left, the budget is spent at once ("three nested 10,000-term sums" end immediately).
    /// </summary>
    internal static IDisposable Loop(long terms)
    {
        var b = _current;
        if (b is null) return new Scope(null);
        var predicted = b._loops * Math.Max(1, terms);
        if (predicted > b.Remaining)
        {
            b.Remaining = -1;
            throw new CalcException($"too expensive (about {predicted:G3} evaluation steps; the budget is {b.Limit:N0})");
        }
        b._loops = predicted;
        return new LoopScope(b, predicted / Math.Max(1, terms));
    }

    private sealed class LoopScope(EvalBudget budget, double previous) : IDisposable
    {
        public void Dispose() => budget._loops = previous;
    }

    private sealed class Scope(EvalBudget? installed, EvalBudget? previous = null, bool restore = false) : IDisposable
    {
        public void Dispose()
        {
            if (restore) _current = previous;
            else if (installed is not null && ReferenceEquals(_current, installed)) _current = null;
        }
    }
}
