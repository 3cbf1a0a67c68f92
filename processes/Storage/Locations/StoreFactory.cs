using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.Storage.Http;
using OpenEoBridge.Storage.Resilience;
using OpenEoBridge.Storage.S3;

namespace OpenEoBridge.Storage.Locations;

/// <summary>
/// Opens the store a location names. Owns the S3 clients (one per profile) and the per-endpoint concurrency
/// limits; the HttpClient for HTTP stores is the caller's (so it can carry an outbound address policy) or, if none
/// is given, one without automatic decompression or own timeout (the retry layer times attempts).
/// </summary>
public sealed class StoreFactory : IDisposable
{
    private readonly StorageOptions _options;
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly ILoggerFactory _loggerFactory;
    private readonly EndpointConcurrencyLimits _limits = new();
    private readonly S3StoreFactory _s3;

    public StoreFactory(StorageOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _s3 = new S3StoreFactory(options.S3Profiles, _loggerFactory, _limits);
        if (httpClient is null)
        {
            _ownsHttpClient = true;
            httpClient = new HttpClient(new SocketsHttpHandler
            {
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                ConnectTimeout = TimeSpan.FromSeconds(15),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = options.Http.Resilience.MaxConcurrentRequestsPerEndpoint,
            })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
        }

        _httpClient = httpClient;
    }

    public S3StoreFactory S3 => _s3;

    /// <summary>Opens <paramref name="location"/> (see <see cref="StoreLocation.Parse"/>).</summary>
    /// <param name="s3Profile">The S3 profile for an <c>s3://</c> location; <c>null</c> for the "default" profile.</param>
    /// <param name="writable">Whether the caller will write; HTTP stores cannot be opened for writing.</param>
    public IStore Open(string location, string? s3Profile = null, bool writable = false) =>
        Open(StoreLocation.Parse(location), s3Profile, writable);

    public IStore Open(StoreLocation location, string? s3Profile = null, bool writable = false)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Kind switch
        {
            StoreKind.FileSystem => new FileSystemStore(location.Path!, writable),
            StoreKind.S3 => _s3.Create(s3Profile, location.S3!, writable),
            StoreKind.Http when writable => throw new ArgumentException($"The HTTP store {location} cannot be opened for writing: stores over HTTP(S) are read-only."),
            StoreKind.Http => new HttpStore(location.Uri!, _httpClient, _options.Http, _loggerFactory.CreateLogger<HttpStore>(), _limits),
            _ => throw new ArgumentOutOfRangeException(nameof(location), location.Kind, "unknown store kind"),
        };
    }

    public void Dispose()
    {
        _s3.Dispose();
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }
}
