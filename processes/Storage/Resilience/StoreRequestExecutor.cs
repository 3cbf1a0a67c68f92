using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenEoBridge.Storage.Errors;
using OpenEoBridge.Storage.Observability;
using Polly;
using Polly.Retry;

namespace OpenEoBridge.Storage.Resilience;

/// <summary>
/// Runs every request of one store: takes a slot of the endpoint's concurrency pool, bounds the attempt with a
/// timeout, measures it, logs failures, and retries transient failures with exponential backoff and jitter
/// (honouring <c>Retry-After</c>). This is the only retry layer: SDK and HTTP client retries stay off.
/// </summary>
public sealed class StoreRequestExecutor
{
    private readonly StoreResilienceOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly Func<Exception, TransientFailure?> _classifyStatus;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _idempotent;
    private readonly ResiliencePipeline _onlyIfNotProcessed;

    /// <param name="location">The store location, for logs and errors.</param>
    /// <param name="endpoint">The server, for the per-endpoint concurrency limit.</param>
    /// <param name="classifyStatus">Recognises the store's own "server answered with an error" exceptions.</param>
    public StoreRequestExecutor(
        string location,
        Uri endpoint,
        StoreMetrics metrics,
        StoreResilienceOptions? options = null,
        Func<Exception, TransientFailure?>? classifyStatus = null,
        EndpointConcurrencyLimits? limits = null,
        ILogger? logger = null,
        TimeProvider? timeProvider = null)
    {
        _options = options ?? new StoreResilienceOptions();
        _options.Validate();
        Location = location;
        Metrics = metrics;
        _classifyStatus = classifyStatus ?? (static _ => null);
        _logger = logger ?? NullLogger.Instance;
        _slots = (limits ?? EndpointConcurrencyLimits.Shared).For(endpoint, _options.MaxConcurrentRequestsPerEndpoint);
        _idempotent = BuildPipeline(RetrySafety.Idempotent, timeProvider);
        _onlyIfNotProcessed = BuildPipeline(RetrySafety.OnlyIfNotProcessed, timeProvider);
    }

    public string Location { get; }

    public StoreMetrics Metrics { get; }

    /// <summary>Classifies a failure as transient (store status first, then transport).</summary>
    public TransientFailure? Classify(Exception exception) => _classifyStatus(exception) ?? TransientFailures.ClassifyTransport(exception);

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails permanently, or the retries run out (then
    /// <see cref="StoreUnavailableException"/>). The token given to <paramref name="attempt"/> also carries the
    /// attempt timeout. Caller cancellation stops everything at once with <see cref="OperationCanceledException"/>.
    /// </summary>
    public async ValueTask<T> ExecuteAsync<T>(
        string operation,
        string? key,
        RetrySafety safety,
        Func<CancellationToken, ValueTask<T>> attempt,
        CancellationToken cancellationToken)
    {
        var pipeline = safety == RetrySafety.Idempotent ? _idempotent : _onlyIfNotProcessed;
        var attempts = 0;
        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await RunAttemptAsync(operation, key, attempts, attempt, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && Classify(e) is { } failure)
        {
            var what = StoreException.Describe(Location, key);
            var message = safety == RetrySafety.OnlyIfNotProcessed && !failure.NotProcessed
                ? $"{operation} {what} failed: {failure.Reason} (not retried: the server may have acted, and repeating this request could duplicate a write or report a false conflict)."
                : $"{operation} {what} failed after {attempts} attempt{(attempts == 1 ? "" : "s")}; last error: {failure.Reason}.";
            throw new StoreUnavailableException(Location, key, message, attempts, failure.StatusCode, e);
        }
    }

    private async ValueTask<T> RunAttemptAsync<T>(
        string operation,
        string? key,
        int attemptNumber,
        Func<CancellationToken, ValueTask<T>> attempt,
        CancellationToken cancellationToken)
    {
        if (attemptNumber > 1)
        {
            Metrics.RecordRetry(operation);
        }

        // The slot is taken per attempt, not across the backoff wait, so waiting retries do not starve others.
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.AttemptTimeout);
            try
            {
                T result;
                try
                {
                    result = await attempt(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
                {
                    throw new AttemptTimeoutException(_options.AttemptTimeout);
                }

                failed = false;
                return result;
            }
            catch (Exception e) when (LogFailure(operation, key, attemptNumber, e, cancellationToken))
            {
                throw; // not reached: LogFailure returns false
            }
        }
        finally
        {
            _slots.Release();
            Metrics.RecordRequest(operation, Stopwatch.GetElapsedTime(started), failed);
        }
    }

    // An exception filter, so the stack is not unwound just to write the log line.
    private bool LogFailure(string operation, string? key, int attemptNumber, Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug("Storage request {Operation} {Location} key {Key} cancelled by the caller (attempt {Attempt})", operation, Location, key, attemptNumber);
            return false;
        }

        var failure = Classify(exception);
        _logger.LogDebug(
            "Storage request {Operation} {Location} key {Key} failed with status {Status} (attempt {Attempt}, {Kind}): {Reason}",
            operation,
            Location,
            key,
            failure?.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? StatusOf(exception),
            attemptNumber,
            failure is null ? "permanent" : "transient",
            failure?.Reason ?? exception.Message);
        return false;
    }

    private static string StatusOf(Exception exception) => exception is StoreException { StatusCode: { } status }
        ? status.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "none";

    private ResiliencePipeline BuildPipeline(RetrySafety safety, TimeProvider? timeProvider)
    {
        var builder = new ResiliencePipelineBuilder();
        if (timeProvider is not null)
        {
            builder.TimeProvider = timeProvider;
        }

        if (_options.MaxRetryAttempts == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = _options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.BaseDelay,
            MaxDelay = _options.MaxDelay,
            ShouldHandle = args =>
            {
                if (args.Outcome.Exception is not { } e || args.Context.CancellationToken.IsCancellationRequested)
                {
                    return ValueTask.FromResult(false);
                }

                var failure = Classify(e);
                return ValueTask.FromResult(failure is { } f && (safety == RetrySafety.Idempotent || f.NotProcessed));
            },
            DelayGenerator = args =>
            {
                TimeSpan? delay = null;
                if (args.Outcome.Exception is { } e && Classify(e) is { RetryAfter: { } retryAfter })
                {
                    delay = retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter > _options.MaxRetryAfter ? _options.MaxRetryAfter : retryAfter;
                }

                return ValueTask.FromResult(delay);
            },
        }).Build();
    }
}
