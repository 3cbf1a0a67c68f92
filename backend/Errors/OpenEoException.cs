namespace OpenEoBridge.Backend.Errors;

/// <summary>
/// An error with an openEO code. Thrown anywhere below the endpoints; the error middleware turns it into
/// the openEO error JSON with the status <see cref="OpenEoErrorCodes"/> assigns to the code.
/// </summary>
public class OpenEoException : Exception
{
    public OpenEoException(string code, string message, Exception? innerException = null)
        : this(code, message, OpenEoErrorCodes.StatusFor(code), innerException)
    {
    }

    /// <summary>For process-level codes whose status is not in the table (e.g. 424 for a failed job).</summary>
    public OpenEoException(string code, string message, int status, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Status = status;
    }

    public string Code { get; }

    public int Status { get; }

    /// <summary>Extra response headers, e.g. <c>Retry-After</c> or <c>WWW-Authenticate</c>.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public static OpenEoException NotFound(string message = "Resource not found.") => new(OpenEoErrorCodes.NotFound, message);
}
