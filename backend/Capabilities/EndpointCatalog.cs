using Microsoft.AspNetCore.Routing.Patterns;
using OpenEoBridge.Backend.Api;
using OpenEoBridge.Backend.Hosting;

namespace OpenEoBridge.Backend.Capabilities;

/// <summary>
/// The <c>endpoints</c> list of the capabilities document, read from the route table so it names exactly
/// what is mapped: one entry per path (openEO placeholder syntax, no trailing slash), methods in upper case.
/// </summary>
public sealed class EndpointCatalog(EndpointDataSource endpoints)
{
    private static readonly string[] MethodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private IReadOnlyList<EndpointDescription>? cached;

    public IReadOnlyList<EndpointDescription> List() => cached ??= Build();

    private IReadOnlyList<EndpointDescription> Build()
    {
        var byPath = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<OpenEoApiEndpointMetadata>() is null ||
                endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods)
            {
                continue;
            }

            var path = OpenEoPath(endpoint.RoutePattern);
            // The capabilities document should not list itself.
            if (path == "/")
            {
                continue;
            }

            if (!byPath.TryGetValue(path, out var set))
            {
                byPath[path] = set = new SortedSet<string>(Comparer<string>.Create((a, b) => Rank(a).CompareTo(Rank(b))));
            }

            foreach (var method in methods.HttpMethods.Select(m => m.ToUpperInvariant()).Where(m => Rank(m) < MethodOrder.Length))
            {
                set.Add(method);
            }
        }

        return byPath.Where(p => p.Value.Count > 0).Select(p => new EndpointDescription(p.Key, [.. p.Value])).ToList();
    }

    private static int Rank(string method)
    {
        var index = Array.IndexOf(MethodOrder, method);
        return index < 0 ? MethodOrder.Length : index;
    }

    /// <summary>Route pattern relative to the API root, with ASP.NET constraints and catch-all markers removed.</summary>
    public static string OpenEoPath(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => string.Empty,
        })));
        var full = "/" + string.Join('/', segments);
        var relative = full.StartsWith(OpenEoApiRoot.Path, StringComparison.Ordinal) ? full[OpenEoApiRoot.Path.Length..] : full;
        return relative.Length == 0 ? "/" : relative.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
    }
}

public sealed record EndpointDescription(
    [property: System.Text.Json.Serialization.JsonPropertyName("path")] string Path,
    [property: System.Text.Json.Serialization.JsonPropertyName("methods")] IReadOnlyList<string> Methods);
