namespace OpenEoBridge.Processes.Contract;

/// <summary>Factories for the API-level error codes (errors.json) the engine raises.</summary>
public static class OpenEoErrors
{
    public static OpenEoException ProcessGraphInvalid(string reason) =>
        new("ProcessGraphInvalid", $"Invalid process graph specified: {reason}");

    public static OpenEoException ProcessGraphMissing() =>
        new("ProcessGraphMissing", "No valid process graph specified.");

    public static OpenEoException ProcessGraphComplexity(string reason) =>
        new("ProcessGraphComplexity", $"The process is too complex for synchronous processing: {reason}");

    public static OpenEoException ProcessUnsupported(string process, string? ns) =>
        new("ProcessUnsupported", $"Process with identifier '{process}' is not available in namespace '{ns ?? "null"}'.");

    public static OpenEoException ProcessParameterUnsupported(string process, string parameter) =>
        new("ProcessParameterUnsupported", $"Process '{process}' does not support parameter '{parameter}'.");

    public static OpenEoException ProcessParameterRequired(string process, string parameter) =>
        new("ProcessParameterRequired", $"Process '{process}' parameter '{parameter}' is required.");

    public static OpenEoException ProcessParameterInvalid(string process, string parameter, string reason) =>
        new("ProcessParameterInvalid", $"The value passed for parameter '{parameter}' in process '{process}' is invalid: {reason}");

    /// <summary>
    /// A <c>from_parameter</c> that neither the scopes nor a default can satisfy at run time. errors.json has no
    /// dedicated code (the API prose names a non-existent <c>ProcessParameterMissing</c>), so we use
    /// <c>ProcessParameterRequired</c>, naming the parameter.
    /// </summary>
    public static OpenEoException ParameterValueMissing(string parameter) =>
        new("ProcessParameterRequired", $"No value is available for the process parameter '{parameter}' (referenced by from_parameter) and it has no default.");

    public static OpenEoException RequestTimeout(string reason) =>
        new("RequestTimeout", $"Request timed out: {reason}", 408);

    public static OpenEoException InfrastructureBusy(string reason) =>
        new("InfrastructureBusy", $"Service is busy, please try again later: {reason}", 503);

    public static OpenEoException Internal(string message, Exception? inner = null) =>
        new("Internal", message, 500, inner);
}
