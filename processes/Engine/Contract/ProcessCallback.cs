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
}
