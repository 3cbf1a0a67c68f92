namespace OpenEoBridge.Processes.Kernels;

/// <summary>Type rules shared by masked kernels.</summary>
public static class MaskedKernelTypes
{
    /// <summary>Boolean when every input is a boolean or no-data (the logic processes' signature), else null with a reason.</summary>
    public static KernelValueType? Logical(ReadOnlySpan<KernelValueType> inputs, out string? reason)
    {
        foreach (var type in inputs)
        {
            if (type == KernelValueType.Number)
            {
                reason = "a number where a boolean or null is expected";
                return null;
            }
        }

        reason = null;
        return KernelValueType.Boolean;
    }

    /// <summary>The common type of two alternatives (no-data fits either), or null when one is a number and the other a boolean.</summary>
    public static KernelValueType? Common(KernelValueType a, KernelValueType b) =>
        a == b || b == KernelValueType.NoData ? a
        : a == KernelValueType.NoData ? b
        : null;
}
