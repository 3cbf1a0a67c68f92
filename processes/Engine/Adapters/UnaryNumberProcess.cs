using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Adapters;

/// <summary>
/// A process <c>f(x: number|null) -> number|null</c> written as one operator: the dynamic path maps no-data to
/// no-data and numbers through <typeparamref name="TOp"/>; the chunked engine uses the same operator over spans.
/// </summary>
public class UnaryNumberProcess<TOp>(string id, string parameter = "x") : Process(id), IUnaryNumberKernel
    where TOp : IUnaryNumberOperator
{
    public string InputParameter { get; } = parameter;

    public override ValueTask<Value> InvokeAsync(ProcessCall call) =>
        ValueTask.FromResult(call.GetNumberOrNull(InputParameter) is { } x ? Value.Number(TOp.Invoke(x)) : (Value)Value.NoData);

    public virtual void Apply(ReadOnlySpan<double> x, Span<double> result) => NumberKernels.Unary<TOp>(x, result);
}
