namespace OpenEoBridge.Processes.Contract;

/// <summary>
/// One openEO process. Subclasses implement <see cref="InvokeAsync"/> (the whole-value, dynamic path) and, where the
/// process is element-wise or a reducer, also a kernel interface (<see cref="Kernels"/> namespace) that the chunked
/// cube engine calls over spans. See processes/Engine/PROCESS-CONTRACT.md.
/// </summary>
public abstract class Process
{
    private ProcessDefinition? _definition;

    /// <summary>A predefined process; its metadata is the embedded <c>openeo-spec/&lt;id&gt;.json</c>.</summary>
    protected Process(string id) => Id = id;

    /// <summary>A process with explicit metadata (user-defined processes).</summary>
    protected Process(ProcessDefinition definition)
    {
        Id = definition.Id;
        _definition = definition;
    }

    public string Id { get; }

    public ProcessDefinition Definition => _definition ??= ProcessDefinitionStore.Get(Id);

    /// <summary>
    /// Eager (default): the evaluator computes every argument before <see cref="InvokeAsync"/>.
    /// Lazy: arguments are computed when the process asks for them (<see cref="ProcessCall.GetAsync"/>), so
    /// <c>if</c> skips the branch it does not take and <c>and</c>/<c>or</c> can short-circuit.
    /// </summary>
    public virtual ArgumentEvaluation ArgumentEvaluation => ArgumentEvaluation.Eager;

    public abstract ValueTask<Values.Value> InvokeAsync(ProcessCall call);

    /// <summary>Creates the exception declared under <paramref name="name"/> in this process's definition.</summary>
    public ProcessException Fail(string name, IReadOnlyDictionary<string, string>? placeholders = null)
    {
        if (!Definition.Exceptions.TryGetValue(name, out var declared))
        {
            throw new InvalidOperationException($"Process '{Id}' raises '{name}', which its definition does not declare.");
        }

        var message = declared.Message;
        if (placeholders is not null)
        {
            foreach (var (key, value) in placeholders)
            {
                message = message.Replace("{" + key + "}", value, StringComparison.Ordinal);
            }
        }

        return new ProcessException(Id, name, message, declared.HttpStatus);
    }

    public override string ToString() => Id;
}
