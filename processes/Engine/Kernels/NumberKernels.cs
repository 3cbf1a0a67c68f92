using System.Numerics;
using System.Runtime.InteropServices;

namespace OpenEoBridge.Processes.Kernels;

/// <summary>
/// Span loops over the operators. Values at invalid (no-data) positions are computed too (it is cheaper than
/// branching) and must be ignored by the caller, who combines the validity masks with <see cref="ValidityMask"/>.
/// </summary>
public static class NumberKernels
{
    public static void Unary<TOp>(ReadOnlySpan<double> x, Span<double> result)
        where TOp : IUnaryNumberOperator
    {
        CheckLength(x.Length, result.Length);
        for (var i = 0; i < x.Length; i++)
        {
            result[i] = TOp.Invoke(x[i]);
        }
    }

    public static void UnaryVector<TOp>(ReadOnlySpan<double> x, Span<double> result)
        where TOp : IVectorUnaryNumberOperator
    {
        CheckLength(x.Length, result.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
            var rs = MemoryMarshal.Cast<double, Vector<double>>(result);
            for (var v = 0; v < xs.Length; v++)
            {
                rs[v] = TOp.Invoke(xs[v]);
            }

            i = xs.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            result[i] = TOp.Invoke(x[i]);
        }
    }

    public static void Binary<TOp>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> result)
        where TOp : IBinaryNumberOperator
    {
        CheckLength(x.Length, y.Length);
        CheckLength(x.Length, result.Length);
        for (var i = 0; i < x.Length; i++)
        {
            result[i] = TOp.Invoke(x[i], y[i]);
        }
    }

    public static void BinaryVector<TOp>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> result)
        where TOp : IVectorBinaryNumberOperator
    {
        CheckLength(x.Length, y.Length);
        CheckLength(x.Length, result.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
            var ys = MemoryMarshal.Cast<double, Vector<double>>(y);
            var rs = MemoryMarshal.Cast<double, Vector<double>>(result);
            for (var v = 0; v < xs.Length; v++)
            {
                rs[v] = TOp.Invoke(xs[v], ys[v]);
            }

            i = xs.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            result[i] = TOp.Invoke(x[i], y[i]);
        }
    }

    public static void Compare<TOp>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<bool> result)
        where TOp : INumberComparisonOperator
    {
        CheckLength(x.Length, y.Length);
        CheckLength(x.Length, result.Length);
        for (var i = 0; i < x.Length; i++)
        {
            result[i] = TOp.Invoke(x[i], y[i]);
        }
    }

    private static void CheckLength(int expected, int actual)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"Span lengths differ ({expected} vs {actual}).");
        }
    }
}
