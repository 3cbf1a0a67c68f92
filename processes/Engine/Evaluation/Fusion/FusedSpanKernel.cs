using System.Buffers;
using System.Collections.Immutable;
using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Evaluation.Fusion;

/// <summary>
/// Runs a fused callback block by block: inputs are copied into pooled columns, constants are filled once per call,
/// every step runs over the block, and the result column is written out (booleans as 1/0).
/// Thread-safe: all scratch memory belongs to one call.
/// </summary>
internal sealed class FusedSpanKernel(ImmutableArray<string> inputs, ImmutableArray<FusionSlot> slots, ImmutableArray<FusedStep> steps, int resultSlot)
    : SpanKernel
{
    public override IReadOnlyList<string> InputParameters => inputs;

    public override KernelValueType ResultType => slots[resultSlot].Type;

    /// <summary>Nodes fused (for diagnostics and tests).</summary>
    public int StepCount => steps.Length;

    protected override void ApplyCore(ReadOnlySpan<double> x, ReadOnlySpan<bool> xValid, ReadOnlySpan<double> y, ReadOnlySpan<bool> yValid,
        Span<double> result, Span<bool> resultValid)
    {
        var count = slots.Length;
        var numbers = new double[count][];
        var booleans = new bool[count][];
        var valid = new bool[count][];
        try
        {
            for (var s = 0; s < count; s++)
            {
                numbers[s] = ArrayPool<double>.Shared.Rent(BlockSize);
                booleans[s] = ArrayPool<bool>.Shared.Rent(BlockSize);
                valid[s] = ArrayPool<bool>.Shared.Rent(BlockSize);
                if (slots[s] is ConstantSlot constant)
                {
                    numbers[s].AsSpan(0, BlockSize).Fill(constant.Number);
                    booleans[s].AsSpan(0, BlockSize).Fill(constant.Boolean);
                    valid[s].AsSpan(0, BlockSize).Fill(constant.Type != KernelValueType.NoData);
                }
            }

            var columns = new KernelColumn[count];
            for (var start = 0; start < result.Length; start += BlockSize)
            {
                var length = Math.Min(BlockSize, result.Length - start);
                for (var s = 0; s < count; s++)
                {
                    columns[s] = new KernelColumn(slots[s].Type, numbers[s], booleans[s], valid[s], length);
                    if (slots[s] is InputSlot input)
                    {
                        (input.Index == 0 ? x : y).Slice(start, length).CopyTo(columns[s].Numbers);
                        (input.Index == 0 ? xValid : yValid).Slice(start, length).CopyTo(columns[s].Valid);
                    }
                }

                foreach (var step in steps)
                {
                    step.Run(columns);
                }

                WriteResult(columns[resultSlot], result.Slice(start, length), resultValid.Slice(start, length));
            }
        }
        finally
        {
            for (var s = 0; s < count; s++)
            {
                if (numbers[s] is { } n)
                {
                    ArrayPool<double>.Shared.Return(n);
                }

                if (booleans[s] is { } b)
                {
                    ArrayPool<bool>.Shared.Return(b);
                }

                if (valid[s] is { } v)
                {
                    ArrayPool<bool>.Shared.Return(v);
                }
            }
        }
    }

    private static void WriteResult(KernelColumn column, Span<double> result, Span<bool> resultValid)
    {
        switch (column.Type)
        {
            case KernelValueType.Number:
                column.Numbers.CopyTo(result);
                column.Valid.CopyTo(resultValid);
                break;
            case KernelValueType.Boolean:
                var values = column.Booleans;
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = values[i] ? 1 : 0;
                }

                column.Valid.CopyTo(resultValid);
                break;
            default:
                result.Fill(double.NaN);
                resultValid.Clear();
                break;
        }
    }
}
