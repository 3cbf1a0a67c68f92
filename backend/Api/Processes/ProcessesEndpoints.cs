using OpenEoBridge.Backend.Hosting;
using OpenEoBridge.Processes.Library;

namespace OpenEoBridge.Backend.Api.Processes;

/// <summary>
/// openEO tag "Process Discovery": <c>GET /processes</c>. Without <c>limit</c> every predefined process is listed;
/// with it, pages are linked by <c>next</c> / <c>prev</c> / <c>first</c> using an <c>offset</c> of our own.
/// Answers carry an ETag (304 on <c>If-None-Match</c>) and come gzip- or Brotli-compressed when accepted.
/// </summary>
public sealed class ProcessesEndpoints : IOpenEoEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        // A catalogue registered as a service (e.g. with cube processes) wins over the built-in one.
        var catalogue = ((IEndpointRouteBuilder)api).ServiceProvider.GetService<ProcessCatalogue>() ?? ProcessCatalogue.Predefined;
        var pages = new ProcessListPages(catalogue);
        api.MapGet("/processes", (HttpContext context, PublicUrls urls) =>
        {
            var limit = QueryCount.Read(context.Request, "limit", minimum: 1);
            var offset = QueryCount.Read(context.Request, "offset", minimum: 0) ?? 0;
            return pages.Get(urls.ApiRoot(context.Request), offset, limit).WriteAsync(context);
        });
    }
}
