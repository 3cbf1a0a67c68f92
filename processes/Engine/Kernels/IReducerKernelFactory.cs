using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Kernels;

/// <summary>
/// A reducer process whose streaming form depends on its other (literal) arguments, e.g. <c>count</c> with
/// <c>condition</c> null or <c>true</c>. Returns null with the reason when those arguments need the per-element path.
/// </summary>
public interface IReducerKernelFactory
{
    /// <summary>The array parameter reduced (<c>data</c>).</summary>
    string DataParameter { get; }

    IReducerKernel? CreateKernel(IReadOnlyDictionary<string, Value> arguments, out string? reason);
}
