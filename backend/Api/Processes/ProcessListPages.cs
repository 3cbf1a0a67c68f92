using System.Collections.Concurrent;
using System.Globalization;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Library;

namespace OpenEoBridge.Backend.Api.Processes;

/// <summary>
/// The pages of <c>GET /processes</c>, built from the process catalogue (exactly the processes that evaluate) and
/// kept ready to serve. Pages carry absolute links, so they are cached per API root; the number of cached roots is
/// capped because without a configured public URL the root follows the client's Host header.
/// </summary>
public sealed class ProcessListPages(ProcessCatalogue catalogue)
{
    private const int MaxCachedPages = 64;

    private readonly ConcurrentDictionary<(string Root, int Offset, int? Limit), PrecompressedJson> _pages = new();
    private readonly Lazy<ProcessDefinition[]> _definitions = new(() =>
        [.. catalogue.All.Select(p => p.Definition).OrderBy(d => d.Id, StringComparer.Ordinal)]);

    public int Count => _definitions.Value.Length;

    /// <param name="apiRoot">Absolute API root with trailing slash.</param>
    /// <param name="offset">Index of the first process of the page.</param>
    /// <param name="limit">Page size, or null for every process.</param>
    public PrecompressedJson Get(string apiRoot, int offset, int? limit)
    {
        var key = (apiRoot, offset, limit);
        if (_pages.TryGetValue(key, out var page))
        {
            return page;
        }

        page = Build(apiRoot, offset, limit);
        if (_pages.Count < MaxCachedPages)
        {
            _pages.TryAdd(key, page);
        }

        return page;
    }

    private PrecompressedJson Build(string apiRoot, int offset, int? limit)
    {
        var all = _definitions.Value;
        var start = Math.Min(offset, all.Length);
        var end = limit is { } size ? (int)Math.Min((long)start + size, all.Length) : all.Length;
        var links = new List<(string, string)>();
        if (limit is { } pageSize)
        {
            if (end < all.Length)
            {
                links.Add(("next", PageUrl(apiRoot, end, pageSize)));
            }

            if (start > 0)
            {
                links.Add(("prev", PageUrl(apiRoot, Math.Max(0, start - pageSize), pageSize)));
                links.Add(("first", PageUrl(apiRoot, 0, pageSize)));
            }
        }

        return new PrecompressedJson(ProcessListDocument.Write(all[start..end], links));
    }

    private static string PageUrl(string apiRoot, int offset, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{apiRoot}processes?limit={limit}&offset={offset}");
}
