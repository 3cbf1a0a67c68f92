namespace OpenEoBridge.Geo.Demo;

/// <summary>
/// Deterministic pseudo-random numbers addressed by integer coordinates (a SplitMix64-style hash), so every
/// value of a demo store can be recomputed on its own, in any order, on any machine and .NET version
/// (unlike <see cref="Random"/>, whose sequence is not part of its contract).
/// </summary>
public static class DemoNoise
{
    /// <summary>A 64-bit hash of the seed and up to three coordinates.</summary>
    public static ulong Hash(ulong seed, long a, long b = 0, long c = 0)
    {
        var h = Mix(seed ^ 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ unchecked((ulong)a));
        h = Mix(h ^ unchecked((ulong)b * 0xD1B54A32D192ED03UL));
        return Mix(h ^ unchecked((ulong)c * 0x8CB92BA72F3D8DD7UL));
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public static double Uniform(ulong seed, long a, long b = 0, long c = 0) => (Hash(seed, a, b, c) >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// Smooth value noise in [0, 1): uniform values on the integer lattice of (<paramref name="x"/>, <paramref name="y"/>),
    /// blended with a smoothstep; <paramref name="layer"/> selects an independent field (e.g. one per day).
    /// </summary>
    public static double Smooth(ulong seed, long layer, double x, double y)
    {
        var x0 = Math.Floor(x);
        var y0 = Math.Floor(y);
        var i = (long)x0;
        var j = (long)y0;
        var tx = Fade(x - x0);
        var ty = Fade(y - y0);
        var top = Lerp(Lattice(seed, layer, i, j), Lattice(seed, layer, i + 1, j), tx);
        var bottom = Lerp(Lattice(seed, layer, i, j + 1), Lattice(seed, layer, i + 1, j + 1), tx);
        return Lerp(top, bottom, ty);
    }

    private static double Lattice(ulong seed, long layer, long i, long j) => Uniform(seed ^ unchecked((ulong)layer * 0xA0761D6478BD642FUL), i, j);

    private static double Fade(double t) => t * t * (3 - (2 * t));

    private static double Lerp(double a, double b, double t) => a + ((b - a) * t);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
