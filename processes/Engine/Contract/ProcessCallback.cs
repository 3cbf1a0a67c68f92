using System.Diagnostics.CodeAnalysis;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Contract;

/// <summary>
/// A child process graph compiled once into a delegate: resolution, argument binding and evaluation order are
/// fixed at compile time, so calling it per element only runs the processes. Parameters are passed by name
/// (e.g. <c>x</c>, <c>context</c>, <c>label</c>).
/// </summary>
public abstract class ProcessCallback
{
    /// <summary>Names of the parameters the child graph reads via <c>from_parameter</c> (for planning).</summary>
    public abstract IReadOnlySet<string> ReferencedParameters { get; }

    public abstract ValueTask<Value> InvokeAsync(IReadOnlyDictionary<string, Value> parameters, CancellationToken cancellationToken);

    /// <summary>Convenience for the common <c>x</c> + optional <c>context</c> signature.</summary>
    public ValueTask<Value> InvokeAsync(Value x, Value? context, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, Value>(2, StringComparer.Ordinal) { ["x"] = x };
        if (context is not null)
        {
            parameters["context"] = context;
        }

        return InvokeAsync(parameters, cancellationToken);
    }

    /// <summary>
    /// Fuses the callback into one span kernel when every node of it is element-wise (a number kernel, a masked kernel
    /// such as <c>if</c>/<c>and</c>, a literal or a parameter). <paramref name="spanParameters"/> are bound to the
    /// input spans; <paramref name="constants"/> (e.g. <c>context</c>) are the same for every element. When it
    /// returns false, <paramref name="reason"/> says why and the caller runs <see cref="InvokeAsync(IReadOnlyDictionary{string, Value}, CancellationToken)"/> per element.
    /// </summary>
    public virtual bool TryCompileSpanKernel(IReadOnlyList<string> spanParameters, IReadOnlyDictionary<string, Value>? constants,
        [NotNullWhen(true)] out SpanKernel? kernel, [NotNullWhen(false)] out string? reason)
    {
        kernel = null;
        reason = "this callback is not a compiled process graph";
        return false;
    }

    /// <summary>
    /// Recognises a reducer callback that is one reducer process over <paramref name="dataParameter"/> (plus optional
    /// element-wise work on its result), so the cube engine can stream it; false with the reason otherwise.
    /// </summary>
    public virtual bool TryCompileReducer(string dataParameter, IReadOnlyDictionary<string, Value>? constants,
        [NotNullWhen(true)] out ReducerCallbackKernel? kernel, [NotNullWhen(false)] out string? reason)
    {
        kernel = null;
        reason = "this callback is not a compiled process graph";
        return false;
    }
}
