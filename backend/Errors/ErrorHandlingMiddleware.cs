using System.Text.Json;

namespace OpenEoBridge.Backend.Errors;

/// <summary>
/// Turns every failure into openEO error JSON: thrown <see cref="OpenEoException"/>s, framework request
/// errors (bad JSON, wrong content type, too large), unexpected exceptions (500 with a tracking id, no
/// details), and bodiless 404/405 answers from routing.
/// </summary>
public sealed class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OpenEoException error) when (!context.Response.HasStarted)
        {
            if (error.Status >= 500)
            {
                logger.LogError(error, "Request {TrackingId} failed with {Code}", context.TraceIdentifier, error.Code);
            }

            await OpenEoErrorWriter.WriteAsync(context, error);
            return;
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            logger.LogInformation("Request {TrackingId} rejected: {Message}", context.TraceIdentifier, error.Message);
            await OpenEoErrorWriter.WriteAsync(context, Translate(error));
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to read an answer.
            return;
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            logger.LogError(error, "Unexpected error in request {TrackingId} ({Method} {Path})", context.TraceIdentifier, context.Request.Method, context.Request.Path);
            await OpenEoErrorWriter.WriteAsync(context, new OpenEoException(
                OpenEoErrorCodes.Internal,
                $"Server error. Please report the tracking id {context.TraceIdentifier} to the operator."));
            return;
        }

        if (!context.Response.HasStarted && context.Response.ContentType is null && context.Response.ContentLength is null or 0)
        {
            switch (context.Response.StatusCode)
            {
                case StatusCodes.Status404NotFound:
                    await OpenEoErrorWriter.WriteAsync(context, new OpenEoException(OpenEoErrorCodes.NotFound, $"No resource at '{context.Request.Path}'."));
                    break;
                case StatusCodes.Status405MethodNotAllowed:
                    var allow = context.Response.Headers.Allow.ToString();
                    var error = new OpenEoException(OpenEoErrorCodes.MethodNotAllowed, $"Method {context.Request.Method} is not allowed for '{context.Request.Path}'. Allowed: {allow}.");
                    error.Headers["Allow"] = allow;
                    await OpenEoErrorWriter.WriteAsync(context, error);
                    break;
                case StatusCodes.Status415UnsupportedMediaType:
                    await OpenEoErrorWriter.WriteAsync(context, ContentTypeInvalid(context));
                    break;
            }
        }
    }

    private static OpenEoException Translate(BadHttpRequestException error) => error switch
    {
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            new OpenEoException(OpenEoErrorCodes.ContentTypeInvalid, "The media type is not supported. Allowed: application/json"),
        { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            new OpenEoException(OpenEoErrorCodes.RequestBodyTooLarge, "The request body is larger than this server accepts."),
        { InnerException: JsonException json } =>
            new OpenEoException(OpenEoErrorCodes.JsonInvalid, $"The request body is not valid JSON: {json.Message}"),
        _ => new OpenEoException(OpenEoErrorCodes.JsonInvalid, $"The request could not be read: {error.Message}"),
    };

    private static OpenEoException ContentTypeInvalid(HttpContext context) =>
        new(OpenEoErrorCodes.ContentTypeInvalid, $"The media type '{context.Request.ContentType}' is not supported. Allowed: application/json");
}
