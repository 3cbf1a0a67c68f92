namespace OpenEoBridge.Processes.Kernels;

/// <summary>
/// Implemented by a number kernel whose dynamic path turns some computed results into no-data (<c>int</c> maps NaN to
/// no-data): a fused kernel calls it after the span kernel so both paths agree element by element.
/// </summary>
public interface IKernelResultValidity
{
    void RestrictValidity(ReadOnlySpan<double> result, Span<bool> valid);
}
