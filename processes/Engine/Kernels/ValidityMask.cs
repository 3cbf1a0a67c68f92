namespace OpenEoBridge.Processes.Kernels;

/// <summary>
/// Validity masks: <c>true</c> where a value is present, <c>false</c> where it is no-data (JSON null, or a cube's
/// no-data value). NaN is a value, not no-data, unless a cube declares NaN as its no-data value.
/// </summary>
public static class ValidityMask
{
    /// <summary>result = a AND b (null-propagating processes).</summary>
    public static void And(ReadOnlySpan<bool> a, ReadOnlySpan<bool> b, Span<bool> result)
    {
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = a[i] & b[i];
        }
    }

    public static bool All(ReadOnlySpan<bool> mask) => !mask.Contains(false);
}
