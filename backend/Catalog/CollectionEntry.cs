namespace OpenEoBridge.Backend.Catalog;

/// <summary>
/// One source and its latest state. Metadata older than the refresh interval is re-checked when asked for: one check
/// at a time (callers share it), bounded by the open timeout. A failed check keeps the last good metadata; a source
/// that never opened stays left out and is tried again after the interval.
/// </summary>
internal sealed class CollectionEntry(CatalogSource source, CollectionLoader loader, CatalogOptions options, TimeProvider time, ILogger logger)
{
    private readonly Lock _gate = new();
    private LoadedCollection? _current;
    private string? _failure;
    private DateTimeOffset _checkedAt;
    private Task? _check;

    public CatalogSource Source => source;

    /// <summary>The collection, or null when the source cannot be served (see <see cref="Failure"/>).</summary>
    public async Task<LoadedCollection?> GetAsync(CancellationToken cancellationToken)
    {
        Task check;
        lock (_gate)
        {
            if ((_current is not null || _failure is not null) && time.GetUtcNow() - _checkedAt < options.RefreshInterval)
            {
                return _current;
            }

            // On the thread pool, never inline: the check ends by taking this lock, so it cannot finish (and clear
            // _check) before the assignment below has published it.
            check = _check ??= Task.Run(CheckAsync);
        }

        await check.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return _current;
        }
    }

    /// <summary>Why the source is not served (null while it is, or before the first check).</summary>
    public string? Failure
    {
        get
        {
            lock (_gate)
            {
                return _current is null ? _failure : null;
            }
        }
    }

    private async Task CheckAsync()
    {
        // Not the caller's token: a shared check must not fail for everyone because one client went away.
        using var timeout = new CancellationTokenSource(options.OpenTimeout);
        LoadedCollection? previous;
        lock (_gate)
        {
            previous = _current;
        }

        LoadedCollection? loaded = null;
        string? failure = null;
        try
        {
            // WaitAsync also bounds a read that does not watch its token.
            loaded = await loader.LoadAsync(source, previous, timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            failure = $"opening the store took longer than {options.OpenTimeout} (OpenEo:Catalog:OpenTimeout)";
        }
        catch (Exception e)
        {
            failure = Describe(e);
        }

        lock (_gate)
        {
            _checkedAt = time.GetUtcNow();
            _check = null;
            if (loaded is not null)
            {
                if (_current is null && _failure is not null)
                {
                    logger.LogInformation("Collection '{Id}' ({Location}) can be served now.", source.Id, source.DisplayLocation);
                }

                if (!ReferenceEquals(loaded.Dataset, _current?.Dataset))
                {
                    foreach (var excluded in loaded.Dataset.Layout.Excluded)
                    {
                        logger.LogInformation("Collection '{Id}': variable '{Variable}' is not a band: {Reason}", source.Id, excluded.Name, excluded.Reason);
                    }
                }

                _current = loaded;
                _failure = null;
            }
            else
            {
                _failure = failure;
                if (_current is null)
                {
                    logger.LogWarning("Collection '{Id}' is left out: the store {Location} cannot be served: {Reason}", source.Id, source.DisplayLocation, failure);
                }
                else
                {
                    logger.LogWarning("Collection '{Id}': refreshing metadata from {Location} failed, the previous metadata is still served: {Reason}", source.Id, source.DisplayLocation, failure);
                }
            }
        }
    }

    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null && messages.Count < 3; current = current.InnerException)
        {
            if (!messages.Contains(current.Message))
            {
                messages.Add(current.Message);
            }
        }

        return $"{e.GetType().Name}: {string.Join(" <- ", messages)}";
    }
}
