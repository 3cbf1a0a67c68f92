using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Evaluation.Fusion;

/// <summary>One node of a fused callback, run over a whole block of columns.</summary>
internal abstract class FusedStep
{
    public abstract void Run(KernelColumn[] columns);
}

/// <summary>A no-data-propagating unary number kernel: the result is valid where the input is.</summary>
internal sealed class UnaryNumberStep(IUnaryNumberKernel kernel, int input, int output) : FusedStep
{
    private readonly IKernelResultValidity? _restrict = kernel as IKernelResultValidity;

    public override void Run(KernelColumn[] columns)
    {
        var x = columns[input];
        var result = columns[output];
        kernel.Apply(x.Numbers, result.Numbers);
        x.Valid.CopyTo(result.Valid);
        _restrict?.RestrictValidity(result.Numbers, result.Valid);
    }
}

/// <summary>A no-data-propagating binary number kernel: the result is valid where both inputs are.</summary>
internal sealed class BinaryNumberStep(IBinaryNumberKernel kernel, int x, int y, int output) : FusedStep
{
    public override void Run(KernelColumn[] columns)
    {
        var result = columns[output];
        kernel.Apply(columns[x].Numbers, columns[y].Numbers, result.Numbers);
        ValidityMask.And(columns[x].Valid, columns[y].Valid, result.Valid);
    }
}

/// <summary>A number comparison giving booleans; valid where both inputs are.</summary>
internal sealed class ComparisonStep(INumberComparisonKernel kernel, int x, int y, int output) : FusedStep
{
    public override void Run(KernelColumn[] columns)
    {
        var result = columns[output];
        kernel.Apply(columns[x].Numbers, columns[y].Numbers, result.Booleans);
        ValidityMask.And(columns[x].Valid, columns[y].Valid, result.Valid);
    }
}

/// <summary>A process with its own no-data rule (<see cref="IMaskedKernel"/>).</summary>
internal sealed class MaskedStep(IMaskedKernel kernel, int[] inputs, int output) : FusedStep
{
    public override void Run(KernelColumn[] columns)
    {
        // One small array per block (not per element); a shared one would race when blocks run in parallel.
        var arguments = new KernelColumn[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            arguments[i] = columns[inputs[i]];
        }

        kernel.Apply(arguments, columns[output]);
    }
}
