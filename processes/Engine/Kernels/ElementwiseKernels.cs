namespace OpenEoBridge.Processes.Kernels;

/// <summary>
/// Implemented by processes that are element-wise over numbers and propagate no-data (a no-data input gives a
/// no-data output). The chunked engine calls these over whole chunks and ANDs the inputs' validity masks itself;
/// processes with other no-data rules (and/or/if, is_nodata) do not implement them and run per element.
/// </summary>
public interface IUnaryNumberKernel
{
    /// <summary>The parameter the span binds to (e.g. <c>x</c>).</summary>
    string InputParameter { get; }

    void Apply(ReadOnlySpan<double> x, Span<double> result);
}

/// <inheritdoc cref="IUnaryNumberKernel"/>
public interface IBinaryNumberKernel
{
    (string X, string Y) InputParameters { get; }

    void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> result);
}

/// <summary>An element-wise comparison of two numbers (no-data propagates: the result is no-data).</summary>
public interface INumberComparisonKernel
{
    (string X, string Y) InputParameters { get; }

    void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<bool> result);
}
