using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Evaluation;

/// <summary>
/// Parameter values visible to a graph level: the values passed to this level, then enclosing levels outwards;
/// only when no level has a value are declared defaults used (innermost first). Nothing found fails with one
/// documented code (<see cref="OpenEoErrors.ParameterValueMissing"/>).
/// </summary>
public sealed class Scope(IReadOnlyDictionary<string, Value> values, IReadOnlyDictionary<string, Value> defaults, Scope? parent)
{
    public static readonly Scope Empty = new(new Dictionary<string, Value>(), new Dictionary<string, Value>(), null);

    public Scope? Parent { get; } = parent;

    public Value Resolve(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._values.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._defaults.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        throw OpenEoErrors.ParameterValueMissing(name);
    }

    private readonly IReadOnlyDictionary<string, Value> _values = values;
    private readonly IReadOnlyDictionary<string, Value> _defaults = defaults;
}
