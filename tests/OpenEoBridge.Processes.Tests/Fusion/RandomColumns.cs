namespace OpenEoBridge.Processes.Tests.Fusion;

/// <summary>Seeded random inputs that hit the edge cases: zeros, integers, NaN, ±Infinity and no-data.</summary>
internal static class RandomColumns
{
    public static (double[] Values, bool[] Valid) Create(Random random, int length, double noDataShare = 0.2)
    {
        var values = new double[length];
        var valid = new bool[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = random.Next(12) switch
            {
                0 => 0.0,
                1 => double.NaN,
                2 => double.PositiveInfinity,
                3 => double.NegativeInfinity,
                4 => random.Next(-5, 6),
                5 => -0.0,
                _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4)),
            };
            valid[i] = random.NextDouble() >= noDataShare;
        }

        return (values, valid);
    }
}
