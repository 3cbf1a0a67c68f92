using OpenEoBridge.Processes.Contract;
using BackendError = OpenEoBridge.Backend.Errors.OpenEoException;

namespace OpenEoBridge.Backend.Api.Processing;

/// <summary>Turns engine errors into the back-end's error type, keeping code and status and naming the node.</summary>
internal static class EngineErrors
{
    public static BackendError ToBackend(OpenEoException error, string? suffix = null) =>
        new(error.Code, WithLocation(error.Message, error.Path) + suffix, error.HttpStatus, error);

    /// <summary>Prefixes where it happened, outermost first, e.g. <c>[node 'apply' (array_apply).process → node 'x' (boom)]</c>.</summary>
    public static string WithLocation(string message, IReadOnlyList<NodePathSegment> path)
    {
        if (path.Count == 0)
        {
            return message;
        }

        var steps = path.Reverse().Select(s => $"node '{s.NodeId}'{(s.ProcessId is null ? "" : $" ({s.ProcessId})")}{(s.Parameter is null ? "" : $".{s.Parameter}")}");
        return $"[{string.Join(" → ", steps)}] {message}";
    }
}
