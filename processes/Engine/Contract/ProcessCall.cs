using System.Collections.Immutable;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Contract;

/// <summary>
/// One invocation of a process: its arguments (already computed for eager processes, on demand for lazy ones),
/// the processing context and the node path. Typed getters fail with <c>ProcessParameterInvalid</c> when a value
/// slipped past validation with the wrong type.
/// </summary>
public sealed class ProcessCall
{
    private readonly IReadOnlyDictionary<string, Func<ValueTask<Value>>> _pending;
    private readonly Dictionary<string, Value> _values;

    public ProcessCall(Process process, ProcessingContext context, ImmutableArray<NodePathSegment> path,
        IReadOnlyDictionary<string, Value> values, IReadOnlyDictionary<string, Func<ValueTask<Value>>>? pending = null)
    {
        Process = process;
        Context = context;
        Path = path;
        _values = new Dictionary<string, Value>(values, StringComparer.Ordinal);
        _pending = pending ?? ImmutableDictionary<string, Func<ValueTask<Value>>>.Empty;
    }

    /// <summary>A call with plain values (tests, the cube engine calling a process directly).</summary>
    public static ProcessCall FromValues(Process process, ProcessingContext context, IReadOnlyDictionary<string, Value> values) =>
        new(process, context, [new NodePathSegment(process.Id, process.Id)], values);

    public Process Process { get; }

    public ProcessingContext Context { get; }

    /// <summary>The node this call runs for, innermost first.</summary>
    public ImmutableArray<NodePathSegment> Path { get; }

    public CancellationToken CancellationToken => Context.CancellationToken;

    /// <summary>True when the graph passed this argument (whether or not it has been computed yet).</summary>
    public bool IsProvided(string name) => _values.ContainsKey(name) || _pending.ContainsKey(name);

    /// <summary>The argument, its declared default, or no-data; computes a lazy argument on first use.</summary>
    public async ValueTask<Value> GetAsync(string name)
    {
        if (_values.TryGetValue(name, out var value))
        {
            return value;
        }

        if (_pending.TryGetValue(name, out var compute))
        {
            value = await compute().ConfigureAwait(false);
            _values[name] = value;
            return value;
        }

        return DefaultOf(name);
    }

    /// <summary>The argument for eager processes (all arguments are computed before the call).</summary>
    public Value Get(string name)
    {
        if (_values.TryGetValue(name, out var value))
        {
            return value;
        }

        if (_pending.ContainsKey(name))
        {
            throw new InvalidOperationException($"Argument '{name}' of lazy process '{Process.Id}' must be read with GetAsync.");
        }

        return DefaultOf(name);
    }

    public ArrayValue GetArray(string name) => Get(name) as ArrayValue ?? throw Invalid(name, "an array");

    public ArrayValue? GetArrayOrNull(string name) => Get(name) switch
    {
        ArrayValue a => a,
        NoDataValue => null,
        _ => throw Invalid(name, "an array or null"),
    };

    public double GetNumber(string name) => Get(name) is NumberValue n ? n.Value : throw Invalid(name, "a number");

    public double? GetNumberOrNull(string name) => Get(name) switch
    {
        NumberValue n => n.Value,
        NoDataValue => null,
        _ => throw Invalid(name, "a number or null"),
    };

    public long GetInteger(string name) =>
        Get(name) is NumberValue n && n.TryGetInt64(out var i) ? i : throw Invalid(name, "an integer");

    public bool GetBoolean(string name) => Get(name) is BooleanValue b ? b.Value : throw Invalid(name, "a boolean");

    public bool? GetBooleanOrNull(string name) => Get(name) switch
    {
        BooleanValue b => b.Value,
        NoDataValue => null,
        _ => throw Invalid(name, "a boolean or null"),
    };

    public string GetString(string name) => Get(name) is StringValue s ? s.Value : throw Invalid(name, "a string");

    public string? GetStringOrNull(string name) => Get(name) switch
    {
        StringValue s => s.Value,
        NoDataValue => null,
        _ => throw Invalid(name, "a string or null"),
    };

    /// <summary>The compiled callback passed for <paramref name="name"/>, or null when a non-callback value was passed.</summary>
    public ProcessCallback? GetCallbackOrNull(string name) => (Get(name) as CallbackValue)?.Callback;

    /// <summary>A <c>ProcessParameterInvalid</c> error for this call's parameter.</summary>
    public OpenEoException Invalid(string name, string expected) =>
        OpenEoErrors.ProcessParameterInvalid(Process.Id, name, $"expected {expected}, got {DescribeActual(name)}.");

    private string DescribeActual(string name) =>
        _values.TryGetValue(name, out var v) ? v.TypeName : "no value";

    private Value DefaultOf(string name)
    {
        var parameter = Process.Definition.FindParameter(name)
            ?? throw new InvalidOperationException($"Process '{Process.Id}' reads parameter '{name}', which its definition does not declare.");
        return parameter.Default ?? Value.NoData;
    }
}
