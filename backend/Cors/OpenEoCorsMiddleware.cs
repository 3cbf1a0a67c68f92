namespace OpenEoBridge.Backend.Cors;

/// <summary>
/// CORS as the openEO API asks for it: every response carries the allow-origin and expose headers (also
/// errors and answers rewritten by the error middleware, hence <c>OnStarting</c>), and every path answers
/// <c>OPTIONS</c> with 204 without authentication. The framework's CORS middleware only short-circuits real
/// preflight requests, which is narrower than that.
/// </summary>
public sealed class OpenEoCorsMiddleware(RequestDelegate next)
{
    public const string AllowedMethods = "OPTIONS, GET, POST, PATCH, PUT, DELETE";
    public const string AllowedHeaders = "Authorization, Content-Type, Accept, Accept-Language";
    public const string ExposedHeaders = "Link, Location, OpenEO-Costs, OpenEO-Identifier, Retry-After, WWW-Authenticate";
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    public Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.AccessControlAllowOrigin = "*";
            headers.AccessControlExposeHeaders = ExposedHeaders;
            return Task.CompletedTask;
        }, response);

        if (HttpMethods.IsOptions(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            response.Headers.AccessControlAllowMethods = AllowedMethods;
            response.Headers.AccessControlAllowHeaders = context.Request.Headers.AccessControlRequestHeaders is { Count: > 0 } requested
                ? $"{AllowedHeaders}, {requested}"
                : AllowedHeaders;
            response.Headers.AccessControlMaxAge = ((int)MaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
