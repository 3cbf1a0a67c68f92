using System.Collections.Concurrent;
using Amazon.S3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenEoBridge.Storage.Resilience;

namespace OpenEoBridge.Storage.S3;

/// <summary>
/// Makes <see cref="S3Store"/>s from named profiles. One SDK client per profile is created on first use and shared
/// by all stores of that profile (the client is thread-safe and holds the connection pool).
/// </summary>
public sealed class S3StoreFactory : IDisposable
{
    /// <summary>The profile used when a location names none and no profile called "default" is configured.</summary>
    public const string DefaultProfileName = "default";

    private readonly Dictionary<string, S3ProfileOptions> _profiles;
    private readonly ConcurrentDictionary<string, Lazy<IAmazonS3>> _clients = new(StringComparer.Ordinal);
    private readonly ILoggerFactory _loggerFactory;
    private readonly EndpointConcurrencyLimits _limits;
    private readonly Lazy<S3ProfileOptions> _awsFallback = new(() => new S3ProfileOptions
    {
        Name = DefaultProfileName,
        Region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? "us-east-1",
    });

    /// <param name="profiles">Profiles by name; a profile's <see cref="S3ProfileOptions.Name"/> is set to its key.</param>
    public S3StoreFactory(IReadOnlyDictionary<string, S3ProfileOptions> profiles, ILoggerFactory? loggerFactory = null, EndpointConcurrencyLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        _profiles = new Dictionary<string, S3ProfileOptions>(StringComparer.Ordinal);
        foreach (var (name, profile) in profiles)
        {
            profile.Name = name;
            profile.Validate();
            _profiles[name] = profile;
        }

        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _limits = limits ?? new EndpointConcurrencyLimits();
    }

    public S3StoreFactory(IEnumerable<S3ProfileOptions> profiles, ILoggerFactory? loggerFactory = null, EndpointConcurrencyLimits? limits = null)
        : this(profiles.ToDictionary(p => p.Name, StringComparer.Ordinal), loggerFactory, limits)
    {
    }

    public IReadOnlyCollection<string> ProfileNames => _profiles.Keys;

    /// <summary>The named profile; with <c>null</c>, the "default" profile or, if none is configured, AWS with the standard credential chain.</summary>
    public S3ProfileOptions Profile(string? name)
    {
        if (name is null)
        {
            return _profiles.TryGetValue(DefaultProfileName, out var configured) ? configured : _awsFallback.Value;
        }

        return _profiles.TryGetValue(name, out var profile)
            ? profile
            : throw new ArgumentException($"Unknown S3 profile '{name}'. Configured profiles: {(_profiles.Count == 0 ? "none" : string.Join(", ", _profiles.Keys.Order(StringComparer.Ordinal)))}.", nameof(name));
    }

    public S3Store Create(string? profileName, string bucket, string prefix = "", bool writable = true)
    {
        var profile = Profile(profileName);
        var client = _clients.GetOrAdd(profile.Name, _ => new Lazy<IAmazonS3>(() => S3ClientBuilder.Build(profile))).Value;
        return new S3Store(client, bucket, prefix, profile, writable, _loggerFactory.CreateLogger<S3Store>(), _limits);
    }

    /// <summary>A store for <c>s3://bucket/prefix</c>.</summary>
    public S3Store Create(string? profileName, S3Location location, bool writable = true) =>
        Create(profileName, location.Bucket, location.Prefix, writable);

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }

        _clients.Clear();
    }
}
