namespace OpenEoBridge.Processes.Kernels;

/// <summary>
/// A callback fused into one element-wise kernel over spans: every node of the child graph runs once per block of
/// <see cref="BlockSize"/> elements over pooled temporaries, with no per-element value objects or awaits. Inputs
/// and the result carry validity masks (true = value present). A boolean result is written as 1 (true) and 0
/// (false); <see cref="ResultType"/> tells which it is.
/// </summary>
public abstract class SpanKernel
{
    /// <summary>Elements per block: large enough to amortise the per-node dispatch, small enough to stay in cache.</summary>
    public const int BlockSize = 4096;

    /// <summary>The callback parameters bound to the input spans, in order (e.g. <c>x</c>, or <c>x</c> and <c>y</c>).</summary>
    public abstract IReadOnlyList<string> InputParameters { get; }

    /// <summary><see cref="KernelValueType.Number"/>, <see cref="KernelValueType.Boolean"/> (1/0) or <see cref="KernelValueType.NoData"/> (never valid).</summary>
    public abstract KernelValueType ResultType { get; }

    /// <summary>For callbacks with one span parameter (<c>apply</c>'s <c>x</c>).</summary>
    public void Apply(ReadOnlySpan<double> x, ReadOnlySpan<bool> valid, Span<double> result, Span<bool> resultValid)
    {
        RequireInputs(1);
        CheckLengths(x.Length, valid.Length, result.Length, resultValid.Length);
        ApplyCore(x, valid, default, default, result, resultValid);
    }

    /// <summary>For callbacks with two span parameters (<c>x</c> and <c>y</c>, e.g. an overlap resolver).</summary>
    public void Apply(ReadOnlySpan<double> x, ReadOnlySpan<bool> xValid, ReadOnlySpan<double> y, ReadOnlySpan<bool> yValid,
        Span<double> result, Span<bool> resultValid)
    {
        RequireInputs(2);
        CheckLengths(x.Length, xValid.Length, result.Length, resultValid.Length);
        CheckLengths(x.Length, yValid.Length, y.Length, x.Length);
        ApplyCore(x, xValid, y, yValid, result, resultValid);
    }

    /// <summary>Runs the kernel; unused inputs are empty spans.</summary>
    protected abstract void ApplyCore(ReadOnlySpan<double> x, ReadOnlySpan<bool> xValid, ReadOnlySpan<double> y, ReadOnlySpan<bool> yValid,
        Span<double> result, Span<bool> resultValid);

    private void RequireInputs(int count)
    {
        if (InputParameters.Count != count)
        {
            throw new InvalidOperationException($"This kernel takes {InputParameters.Count} input span(s) ({string.Join(", ", InputParameters)}), not {count}.");
        }
    }

    private static void CheckLengths(int a, int b, int c, int d)
    {
        if (a != b || a != c || a != d)
        {
            throw new ArgumentException($"Span lengths differ ({a}, {b}, {c}, {d}).");
        }
    }
}
