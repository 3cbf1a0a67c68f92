namespace OpenEoBridge.Processes.Kernels;

/// <summary>
/// One block of an element-wise column inside a fused kernel: numbers or booleans (by <see cref="Type"/>) plus the
/// validity mask (true = value present). Backed by pooled arrays of the block size; only the first
/// <see cref="Length"/> elements are in use.
/// </summary>
public readonly struct KernelColumn(KernelValueType type, double[] numbers, bool[] booleans, bool[] valid, int length)
{
    public KernelValueType Type { get; } = type;

    public int Length { get; } = length;

    public Span<double> Numbers => numbers.AsSpan(0, Length);

    public Span<bool> Booleans => booleans.AsSpan(0, Length);

    public Span<bool> Valid => valid.AsSpan(0, Length);
}
