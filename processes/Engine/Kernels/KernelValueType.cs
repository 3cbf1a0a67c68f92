namespace OpenEoBridge.Processes.Kernels;

/// <summary>
/// What a column of a fused span kernel holds. Numbers and booleans are kept apart because the dynamic path treats
/// them as different types (<c>eq(true, 1)</c> is false, <c>add(true, 1)</c> fails); <see cref="NoData"/> is a
/// literal <c>null</c>, which fits wherever either type is expected.
/// </summary>
public enum KernelValueType
{
    Number,
    Boolean,
    NoData,
}
