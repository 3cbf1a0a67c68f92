using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenEoBridge.Storage.Errors;
using OpenEoBridge.Storage.Observability;
using OpenEoBridge.Storage.Resilience;

namespace OpenEoBridge.Storage.Http;

/// <summary>
/// A read-only store over plain HTTP(S): keys are paths below a base URL. Ranged reads use <c>Range</c>; a server
/// that answers a ranged request with the whole object is remembered as ignoring ranges, and from then on each
/// object is downloaded once and kept in a bounded cache. HTTP has no listing, so <see cref="CanList"/> is false.
/// The <see cref="HttpClient"/> comes from the caller, who decides its handler (proxies, outbound address policy).
/// </summary>
public sealed class HttpStore : IMeteredStore
{
    private readonly Uri _base;
    private readonly string _query;
    private readonly HttpClient _client;
    private readonly StoreRequestExecutor _executor;
    private readonly ILogger _logger;
    private readonly WholeObjectCache _cache;
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]?>>> _wholeObjectFetches = new(StringComparer.Ordinal);
    private volatile bool _rangesIgnored;

    public HttpStore(Uri baseUri, HttpClient client, HttpStoreOptions? options = null, ILogger? logger = null, EndpointConcurrencyLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        ArgumentNullException.ThrowIfNull(client);
        if (!baseUri.IsAbsoluteUri || baseUri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{baseUri}' is not an absolute http(s) URL.", nameof(baseUri));
        }

        options ??= new HttpStoreOptions();
        var builder = new UriBuilder(baseUri) { Fragment = "" };
        _query = builder.Query; // e.g. an access token that every object URL needs
        builder.Query = "";
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        _base = builder.Uri;
        _client = client;
        _logger = logger ?? NullLogger.Instance;
        _cache = new WholeObjectCache(options.WholeObjectCacheBytes);
        Location = _base.GetLeftPart(UriPartial.Path); // never the query: it may hold credentials
        Metrics = new StoreMetrics("http", Location);
        _executor = new StoreRequestExecutor(Location, _base, Metrics, options.Resilience, ClassifyStatus, limits, _logger);
    }

    public string Location { get; }

    public bool IsWritable => false;

    public bool CanList => false;

    public StoreMetrics Metrics { get; }

    /// <summary>Whether this server was seen answering a ranged request with the whole object.</summary>
    public bool RangesIgnored => _rangesIgnored;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var uri = UriOf(key);
        if (_cache.TryGet(key, out var cached))
        {
            return cached.ToArray();
        }

        var bytes = await FetchAsync("GET", key, uri, null, cancellationToken).ConfigureAwait(false);
        return bytes?.Body;
    }

    public async ValueTask<byte[]?> GetRangeAsync(string key, ByteRange range, CancellationToken cancellationToken = default)
    {
        var uri = UriOf(key);
        if (range.Length == 0)
        {
            return await ExistsAsync(key, cancellationToken).ConfigureAwait(false) ? [] : null;
        }

        if (_rangesIgnored || _cache.TryGet(key, out _))
        {
            return Slice(await WholeObjectAsync(key, uri, cancellationToken).ConfigureAwait(false), range);
        }

        var answer = await FetchAsync("GET-RANGE", key, uri, range, cancellationToken).ConfigureAwait(false);
        if (answer is not { } a)
        {
            return null;
        }

        if (a.IsPartial)
        {
            return a.Body;
        }

        if (!_rangesIgnored)
        {
            _rangesIgnored = true;
            _logger.LogInformation("The server of {Location} ignores Range requests; whole objects are now downloaded once and cached", Location);
        }

        _cache.Add(key, a.Body);
        return Slice(a.Body, range);
    }

    public async ValueTask<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        var uri = UriOf(key);
        if (_cache.TryGet(key, out _))
        {
            return true;
        }

        return await _executor.ExecuteAsync("HEAD", key, RetrySafety.Idempotent, async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, uri);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 405 or 501)
            {
                // No HEAD on this server: ask for one byte instead.
                using var probe = new HttpRequestMessage(HttpMethod.Get, uri);
                probe.Headers.Range = new RangeHeaderValue(0, 0);
                using var probeResponse = await _client.SendAsync(probe, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                return ExistsFrom(probeResponse, key);
            }

            return ExistsFrom(response, key);
        }, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"Store {Location} is read-only: stores over HTTP(S) cannot be written.");

    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"Store {Location} is read-only: stores over HTTP(S) cannot be written.");

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        throw new StoreListingNotSupportedException(Location);
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield break;
#pragma warning restore CS0162
    }

    private bool ExistsFrom(HttpResponseMessage response, string key)
    {
        var status = (int)response.StatusCode;
        if (status is 404 or 410)
        {
            return false;
        }

        if (response.IsSuccessStatusCode || status == 416)
        {
            return true;
        }

        throw Failure(response, key);
    }

    private async Task<byte[]?> WholeObjectAsync(string key, Uri uri, CancellationToken cancellationToken)
    {
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        // Concurrent range reads of one object share one download.
        var fetch = _wholeObjectFetches.GetOrAdd(key, _ => new Lazy<Task<byte[]?>>(async () =>
        {
            var answer = await FetchAsync("GET", key, uri, null, CancellationToken.None).ConfigureAwait(false);
            if (answer is { } a)
            {
                _cache.Add(key, a.Body);
            }

            return answer?.Body;
        }));
        try
        {
            return await fetch.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _wholeObjectFetches.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]?>>>(key, fetch));
        }
    }

    private async Task<(byte[] Body, bool IsPartial)?> FetchAsync(string operation, string key, Uri uri, ByteRange? range, CancellationToken cancellationToken)
    {
        var answer = await _executor.ExecuteAsync<(byte[] Body, bool IsPartial)?>(operation, key, RetrySafety.Idempotent, async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (range is { } r)
            {
                request.Headers.Range = r.IsSuffix
                    ? new RangeHeaderValue(null, r.Length)
                    : new RangeHeaderValue(r.Offset, r.Length is { } length ? r.Offset + length - 1 : null);
                // A compressed transfer of a byte range would be a range of the compressed bytes.
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
            }

            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 404 or 410)
            {
                return null;
            }

            if (status == 416 && range is not null)
            {
                return (Array.Empty<byte>(), true); // the range starts at or after the end
            }

            if (status is not (200 or 206))
            {
                throw Failure(response, key);
            }

            // Read inside the attempt: a body cut short (HttpIOException) or a stall is retried like any failure.
            var body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
            if (status == 206)
            {
                CheckContentRange(response, range, key);
            }

            return (body, status == 206);
        }, cancellationToken).ConfigureAwait(false);
        if (answer is { } a)
        {
            Metrics.RecordBytesRead(a.Body.Length);
        }

        return answer;
    }

    private void CheckContentRange(HttpResponseMessage response, ByteRange? range, string key)
    {
        // A 206 for another range than the one asked for would silently corrupt data: refuse it.
        if (range is { IsSuffix: false, Offset: { } offset } && response.Content.Headers.ContentRange is { From: { } from } && from != offset)
        {
            throw new StoreException(Location, key, $"The server of {Location} answered the range {range} of '{key}' with bytes from {from}.", 206);
        }
    }

    private Exception Failure(HttpResponseMessage response, string key)
    {
        var status = (int)response.StatusCode;
        var what = StoreException.Describe(Location, key);
        if (TransientFailure.FromStatus(status, null) is not null)
        {
            var retryAfter = response.Headers.RetryAfter is { } header
                ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null)
                : null;
            return new HttpStatusFailureException(status, retryAfter, $"HTTP {status} {response.ReasonPhrase} for {what}");
        }

        return status is 401 or 403
            ? new StoreAccessDeniedException(Location, key, $"The server denied access to {what} (HTTP {status} {response.ReasonPhrase}).", status)
            : new StoreException(Location, key, $"HTTP request for {what} failed: {status} {response.ReasonPhrase}.", status);
    }

    private static TransientFailure? ClassifyStatus(Exception exception) => exception is HttpStatusFailureException failure
        ? TransientFailure.FromStatus(failure.StatusCode, failure.RetryAfter, failure.Message)
        : null;

    private static byte[]? Slice(byte[]? whole, ByteRange range)
    {
        if (whole is null)
        {
            return null;
        }

        var (start, count) = range.Resolve(whole.Length);
        return whole.AsSpan((int)start, (int)count).ToArray();
    }

    private Uri UriOf(string key)
    {
        var escaped = string.Join('/', StoreKey.Validate(key).Split('/').Select(Uri.EscapeDataString));
        return new Uri(_base, escaped + _query);
    }
}
