using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;

namespace OpenEoBridge.Backend.Hosting;

/// <summary>
/// Builds absolute URLs for links, <c>Location</c> headers and the well-known document: from
/// <c>OpenEo:PublicUrl</c> when set, otherwise from the scheme and host the client used (as corrected by
/// trusted forwarded headers).
/// </summary>
public sealed class PublicUrls(IOptions<OpenEoOptions> options)
{
    /// <summary>Server root, without trailing slash, e.g. <c>https://eo.example</c>.</summary>
    public string ServerRoot(HttpRequest request)
    {
        if (options.Value.PublicUrl is { } configured)
        {
            return configured.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}".TrimEnd('/');
    }

    /// <summary>Versioned API root with trailing slash, e.g. <c>https://eo.example/openeo/1.2/</c>.</summary>
    public string ApiRoot(HttpRequest request) => $"{ServerRoot(request)}{OpenEoApiRoot.Path}/";

    /// <summary>Absolute URL of a path below the API root, e.g. <c>Api(request, "jobs/abc")</c>.</summary>
    public string Api(HttpRequest request, string relativePath) => ApiRoot(request) + relativePath.TrimStart('/');
}
