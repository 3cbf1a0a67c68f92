namespace OpenEoBridge.Processes.Kernels;

/// <summary>
/// An element-wise process whose no-data rule is not "any no-data in → no-data out" (<c>if</c>, <c>and</c>,
/// <c>or</c>, <c>is_nodata</c>, ...) or whose inputs may be booleans. It computes validity itself from the input
/// masks, so it can still be fused into a span kernel. The kernel must give, element by element, what the
/// process's dynamic path gives for the same inputs; it must not throw for any input it accepts.
/// </summary>
public interface IMaskedKernel
{
    /// <summary>The parameters read element-wise, in the order <see cref="Apply"/> receives them.</summary>
    IReadOnlyList<string> MaskedInputs { get; }

    /// <summary>
    /// The result type for these input types, or null (with the reason) when the dynamic path would reject them or
    /// treat them in a way a typed column cannot express; the callback then runs per element.
    /// </summary>
    KernelValueType? ResultType(ReadOnlySpan<KernelValueType> inputs, out string? reason);

    void Apply(ReadOnlySpan<KernelColumn> inputs, KernelColumn result);
}
