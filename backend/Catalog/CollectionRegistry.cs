using Microsoft.Extensions.Options;

namespace OpenEoBridge.Backend.Catalog;

/// <summary>
/// The served collections. Start-up never waits for a store: sources are gathered and opened in the background, and
/// requests wait only for the sources they need (each bounded by <see cref="CatalogOptions.OpenTimeout"/>). A source
/// that cannot be opened is logged with the reason and left out; the others are served.
/// </summary>
public sealed class CollectionRegistry : IHostedService
{
    private readonly IEnumerable<ICatalogSourceProvider> _providers;
    private readonly CollectionLoader _loader;
    private readonly CatalogOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CollectionRegistry> _logger;
    // Never disposed: the container may dispose this singleton before the host calls StopAsync, and a
    // CancellationTokenSource without a timer holds nothing that needs disposing.
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task<IReadOnlyList<CollectionEntry>>> _entries;
    private Task _warmUp = Task.CompletedTask;

    public CollectionRegistry(IEnumerable<ICatalogSourceProvider> providers, CollectionLoader loader, IOptions<CatalogOptions> options, TimeProvider time, ILogger<CollectionRegistry> logger)
    {
        _providers = providers;
        _loader = loader;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _entries = new Lazy<Task<IReadOnlyList<CollectionEntry>>>(() => Task.Run(() => GatherAsync(_stopping.Token)));
    }

    /// <summary>Every collection that can be served, in source order.</summary>
    public async Task<IReadOnlyList<LoadedCollection>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = await _entries.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var loaded = await Task.WhenAll(entries.Select(e => e.GetAsync(cancellationToken))).ConfigureAwait(false);
        return loaded.OfType<LoadedCollection>().ToArray();
    }

    /// <summary>The collection with this id, or null when there is none or its store cannot be served.</summary>
    public async Task<LoadedCollection?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var entries = await _entries.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return entries.FirstOrDefault(e => e.Source.Id == id) is { } entry ? await entry.GetAsync(cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>Sources that are known but not served, with the reason (for diagnostics and tests).</summary>
    public async Task<IReadOnlyDictionary<string, string>> FailuresAsync(CancellationToken cancellationToken)
    {
        await ListAsync(cancellationToken).ConfigureAwait(false);
        var entries = await _entries.Value.ConfigureAwait(false);
        return entries.Where(e => e.Failure is not null).ToDictionary(e => e.Source.Id, e => e.Failure!);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Opens every source in the background so the first request finds them ready; failures are logged there.
        _warmUp = WarmUpAsync();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        // Waits for a demo generation or store open to notice the cancellation and clean up, so that nothing writes
        // into the data directory after the host has stopped (bounded by the host's shutdown timeout).
        // The warm-up itself only waits for the gathering, so the gathering is awaited too.
        await _warmUp.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_entries.IsValueCreated)
        {
            await ((Task)_entries.Value).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task WarmUpAsync()
    {
        try
        {
            await ListAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Opening the catalogue's sources failed.");
        }
    }

    private async Task<IReadOnlyList<CollectionEntry>> GatherAsync(CancellationToken cancellationToken)
    {
        var entries = new List<CollectionEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in _providers)
        {
            IReadOnlyList<CatalogSource> sources;
            try
            {
                sources = await provider.GetSourcesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _logger.LogError(e, "The catalogue sources of {Provider} are left out: {Reason}", provider.GetType().Name, e.Message);
                continue;
            }

            foreach (var source in sources)
            {
                if (!ids.Add(source.Id))
                {
                    _logger.LogWarning("Collection '{Id}' from {Location} is left out: another source already has this id.", source.Id, source.DisplayLocation);
                    continue;
                }

                entries.Add(new CollectionEntry(source, _loader, _options, _time, _logger));
            }
        }

        _logger.LogInformation("Catalogue: {Count} collection source(s).", entries.Count);
        return entries;
    }
}
