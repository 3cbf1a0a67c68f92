using System.Collections.Immutable;

namespace OpenEoBridge.Processes.Contract;

/// <summary>
/// An error with an openEO code (errors.json or a process definition's <c>exceptions</c>), an HTTP status and,
/// once the evaluator has seen it, the path of nodes it happened in (innermost first, as the API's log entries).
/// </summary>
public class OpenEoException : Exception
{
    public OpenEoException(string code, string message, int httpStatus = 400, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        HttpStatus = httpStatus;
    }

    public string Code { get; }

    public int HttpStatus { get; }

    public ImmutableArray<NodePathSegment> Path { get; private set; } = [];

    /// <summary>Records where the error happened; the innermost node (the first to see it) wins.</summary>
    public OpenEoException AttachPath(ImmutableArray<NodePathSegment> path)
    {
        if (Path.IsEmpty)
        {
            Path = path;
        }

        return this;
    }
}
