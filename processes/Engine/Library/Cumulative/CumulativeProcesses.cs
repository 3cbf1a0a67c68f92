namespace OpenEoBridge.Processes.Library.Cumulative;

/// <summary><c>cumsum</c>.</summary>
public sealed class Cumsum() : CumulativeProcess<Cumsum.Op>("cumsum")
{
    public readonly struct Op : ICumulativeOperator
    {
        public static double Combine(double running, double next) => running + next;
    }
}

/// <summary><c>cumproduct</c>.</summary>
public sealed class Cumproduct() : CumulativeProcess<Cumproduct.Op>("cumproduct")
{
    public readonly struct Op : ICumulativeOperator
    {
        public static double Combine(double running, double next) => running * next;
    }
}

/// <summary><c>cummin</c>: NaN propagates, as for <c>min</c>.</summary>
public sealed class Cummin() : CumulativeProcess<Cummin.Op>("cummin")
{
    public readonly struct Op : ICumulativeOperator
    {
        public static double Combine(double running, double next) => Math.Min(running, next);
    }
}

/// <summary><c>cummax</c>: NaN propagates, as for <c>max</c>.</summary>
public sealed class Cummax() : CumulativeProcess<Cummax.Op>("cummax")
{
    public readonly struct Op : ICumulativeOperator
    {
        public static double Combine(double running, double next) => Math.Max(running, next);
    }
}
