using System.Text.Json;
using OpenEoBridge.Processes.Contract;
using BackendError = OpenEoBridge.Backend.Errors.OpenEoException;

namespace OpenEoBridge.Backend.Api.Processing;

/// <summary>The body of <c>POST /result</c>: <c>{"process": {...}, "budget"?, "plan"?, "log_level"?}</c>; other keys are allowed and ignored.</summary>
internal sealed record ResultRequest(JsonElement Process, ProcessLogLevel LogLevel)
{
    public static ResultRequest Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("process", out var process) || process.ValueKind != JsonValueKind.Object)
        {
            throw new BackendError("ProcessGraphMissing", "No valid process graph specified: the body needs a 'process' object with a 'process_graph'.", 400);
        }

        if (body.TryGetProperty("budget", out var budget) && budget.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
        {
            throw new BackendError("BudgetInvalid", "The budget must be a number or null.", 400);
        }

        var level = ProcessLogLevel.Info;
        if (body.TryGetProperty("log_level", out var logLevel) && logLevel.ValueKind == JsonValueKind.String)
        {
            level = logLevel.GetString() switch
            {
                "debug" => ProcessLogLevel.Debug,
                "info" => ProcessLogLevel.Info,
                "warning" => ProcessLogLevel.Warning,
                "error" => ProcessLogLevel.Error,
                var other => throw new BackendError("JsonInvalid", $"log_level must be one of debug, info, warning, error; got '{other}'.", 400),
            };
        }

        return new ResultRequest(process, level);
    }
}
