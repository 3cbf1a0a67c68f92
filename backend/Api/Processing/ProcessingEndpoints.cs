using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Auth;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Evaluation;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Validation;
using OpenEoBridge.Processes.Values;
using BackendError = OpenEoBridge.Backend.Errors.OpenEoException;

namespace OpenEoBridge.Backend.Api.Processing;

/// <summary>
/// openEO tag "Data Processing", synchronous part: <c>POST /validation</c> (always 200 with all problems) and
/// <c>POST /result</c> (Bearer; validates, then evaluates under a deadline, a concurrency limit and the client's
/// connection; non-cube results are answered as JSON).
/// </summary>
public sealed class ProcessingEndpoints : IOpenEoEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        api.MapPost("/validation", ValidateAsync).AllowAnonymous();
        api.MapPost("/result", ResultAsync).RequireAuthorization();
    }

    private static async Task ValidateAsync(HttpContext context, ProcessGraphValidator validator)
    {
        var nonFinite = NonFiniteNumberRule.For(context.Request);
        using var body = await ProcessingRequestReader.ReadAsync(context.Request, nonFinite, context.RequestAborted);
        var user = OpenEoUser.From(context.User);
        var errors = await validator.ValidateAsync(body.RootElement, user?.UserId, context.RequestAborted);
        await JsonResponse.WriteAsync(context, nonFinite, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            foreach (var error in errors)
            {
                writer.WriteStartObject();
                writer.WriteString("code", error.Code);
                writer.WriteString("message", EngineErrors.WithLocation(error.Message, error.Path));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task ResultAsync(HttpContext context, ClaimsPrincipal principal, ProcessGraphValidator validator, Evaluator evaluator,
        SyncProcessingLimiter limiter, IOptions<SyncProcessingOptions> options, TimeProvider time)
    {
        var user = OpenEoUser.From(principal) ?? throw new InvalidOperationException("/result requires an authenticated user.");
        var nonFinite = NonFiniteNumberRule.For(context.Request);
        using var body = await ProcessingRequestReader.ReadAsync(context.Request, nonFinite, context.RequestAborted);
        var request = ResultRequest.Read(body.RootElement);

        using var slot = limiter.TryEnter() ?? throw Busy(options.Value.MaxConcurrentRequests);
        ProcessDocument document;
        try
        {
            document = new ProcessGraphReader().ReadDocument(request.Process);
        }
        catch (OpenEoException e)
        {
            throw EngineErrors.ToBackend(e);
        }

        var errors = await validator.ValidateAsync(document, user.UserId, context.RequestAborted);
        if (errors.Count > 0)
        {
            var first = errors[0];
            var more = errors.Count > 1 ? $" ({errors.Count - 1} more problem(s); POST /validation lists them all.)" : "";
            throw new BackendError(first.Code, EngineErrors.WithLocation(first.Message, first.Path) + more, 400);
        }

        var processing = new ProcessingContext(context.RequestAborted)
        {
            UserId = user.UserId,
            Deadline = time.GetUtcNow() + options.Value.Timeout,
            Memory = new MemoryBudget(options.Value.MemoryBudgetBytes),
            Log = new ProcessLog(request.LogLevel),
            Time = time,
        };

        EvaluationResult result;
        try
        {
            result = await evaluator.EvaluateAsync(document, processing);
        }
        catch (OpenEoException e)
        {
            throw EngineErrors.ToBackend(e);
        }

        await WriteResultAsync(context, result, nonFinite);
    }

    private static async Task WriteResultAsync(HttpContext context, EvaluationResult result, NonFiniteNumbers nonFinite)
    {
        var (data, format) = result.Outputs.Count switch
        {
            0 => (result.Result, "JSON"),
            1 => (result.Outputs[0].Data, result.Outputs[0].Format),
            _ => throw new BackendError("FormatUnsupported", $"The process graph saves {result.Outputs.Count} results; synchronous processing returns exactly one. Use a batch job.", 400),
        };
        if (!string.Equals(format, "JSON", StringComparison.OrdinalIgnoreCase))
        {
            throw new BackendError("FormatUnsupported", $"Synchronous results can only be returned as JSON so far, not '{format}'.", 400);
        }

        try
        {
            await JsonResponse.WriteAsync(context, nonFinite, writer => ValueJson.Write(writer, data, nonFinite));
        }
        catch (NotJsonRepresentableException e)
        {
            var hint = nonFinite == NonFiniteNumbers.Reject
                ? $" Send the header '{NonFiniteNumberRule.HeaderName}: {NonFiniteNumberRule.TokensValue}' to receive NaN and ±Infinity as bare tokens."
                : "";
            throw new BackendError("FormatUnsuitable", e.Message + hint, 400);
        }
    }

    private static BackendError Busy(int limit)
    {
        var error = new BackendError("InfrastructureBusy", $"Service is busy: {limit} synchronous computations are already running. Please try again later or use a batch job.", 503);
        error.Headers["Retry-After"] = "5";
        return error;
    }
}
