namespace OpenEoBridge.Processes.Validation;

/// <summary>
/// The parameter names visible at one graph level during validation, innermost first. A level whose names are
/// unknown (<c>null</c>: a callback schema without <c>parameters</c>, a user-defined process's loose schema) may
/// provide any name, so nothing below it is reported.
/// </summary>
internal sealed class ParameterScopes(IReadOnlySet<string>? names, ParameterScopes? parent)
{
    public bool Provides(string name)
    {
        for (var level = this; level is not null; level = level.Parent)
        {
            if (level.Names is null || level.Names.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlySet<string>? Names { get; } = names;

    public ParameterScopes? Parent { get; } = parent;
}
