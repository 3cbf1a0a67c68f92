using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;

namespace OpenEoBridge.Processes.Validation;

/// <summary>One problem found by validation: an openEO error code, a message and where (innermost node first).</summary>
public sealed record ValidationError(string Code, string Message, ImmutableArray<NodePathSegment> Path)
{
    public static ValidationError From(OpenEoException e) => new(e.Code, e.Message, e.Path);
}
