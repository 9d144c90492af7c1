namespace Bookish.Calculus;

/// <summary>The mulberry32 generator, bit-identical to the JavaScript checker's, so both sample the same points.</summary>
internal sealed class Mulberry32(uint seed)
{
    private uint _state = seed;

    public double Next()
    {
        _state += 0x6D2B79F5u;
        uint t = _state;
        t = (t ^ (t >> 15)) * (t | 1u);
        t = (t + ((t ^ (t >> 7)) * (t | 61u))) ^ t;
        return (t ^ (t >> 14)) / 4294967296.0;
    }

    public double Uniform(double lo, double hi) => lo + (hi - lo) * Next();
}
