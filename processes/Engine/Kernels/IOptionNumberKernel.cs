using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Kernels;

/// <summary>
/// An element-wise number process whose other arguments are options, the same for every element (<c>round</c>'s
/// <c>p</c>, <c>clip</c>'s bounds, <c>linear_scale_range</c>'s ranges). No-data in <see cref="InputParameter"/>
/// gives no-data. A fused callback binds the options once and runs the returned kernel over spans.
/// </summary>
public interface IOptionNumberKernel
{
    /// <summary>The element-wise parameter (<c>x</c>).</summary>
    string InputParameter { get; }

    /// <summary>
    /// A kernel for these option values (declared defaults already filled in), or null with the reason when the
    /// dynamic path would reject them (it would then fail per element, so the callback is not fused).
    /// </summary>
    IUnaryNumberKernel? Bind(IReadOnlyDictionary<string, Value> options, out string? reason);
}

/// <summary>An <see cref="IUnaryNumberKernel"/> from a scalar function with bound options.</summary>
public sealed class BoundNumberKernel(string inputParameter, Func<double, double> function) : IUnaryNumberKernel
{
    public string InputParameter { get; } = inputParameter;

    public void Apply(ReadOnlySpan<double> x, Span<double> result)
    {
        for (var i = 0; i < x.Length; i++)
        {
            result[i] = function(x[i]);
        }
    }
}
