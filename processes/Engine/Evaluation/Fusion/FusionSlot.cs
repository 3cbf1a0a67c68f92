using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Evaluation.Fusion;

/// <summary>A column of a fused kernel: an input span, a constant, or a node's result.</summary>
internal abstract record FusionSlot(KernelValueType Type);

/// <summary>Bound to the kernel's input span number <see cref="Index"/>.</summary>
internal sealed record InputSlot(int Index) : FusionSlot(KernelValueType.Number);

/// <summary>A literal, <c>context</c> or an outer parameter: the same for every element.</summary>
internal sealed record ConstantSlot(KernelValueType Type, double Number, bool Boolean) : FusionSlot(Type);

/// <summary>Written by one step.</summary>
internal sealed record ComputedSlot(KernelValueType Type) : FusionSlot(Type);
