using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenEoBridge.Storage.Errors;
using OpenEoBridge.Storage.Observability;
using OpenEoBridge.Storage.Resilience;
using S3ByteRange = Amazon.S3.Model.ByteRange;

namespace OpenEoBridge.Storage.S3;

/// <summary>
/// A store over an S3 bucket, optionally below a key prefix. Every request goes through the store's
/// <see cref="StoreRequestExecutor"/> (the one retry layer); the SDK client must have its own retries off, as
/// <see cref="S3StoreFactory"/> sets up.
/// </summary>
public sealed class S3Store : IMeteredStore, IConditionalStore
{
    private readonly IAmazonS3 _client;
    private readonly S3ProfileOptions _profile;
    private readonly StoreRequestExecutor _executor;
    private readonly ILogger _logger;
    private int _hasReadAnObject;

    public S3Store(
        IAmazonS3 client,
        string bucket,
        string prefix,
        S3ProfileOptions profile,
        bool writable = true,
        ILogger? logger = null,
        EndpointConcurrencyLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(profile);
        S3Location.ValidateBucket(bucket);
        _client = client;
        _profile = profile;
        Bucket = bucket;
        Prefix = prefix.Trim('/');
        if (Prefix.Length > 0)
        {
            StoreKey.Validate(Prefix);
        }

        IsWritable = writable;
        Location = new S3Location(bucket, Prefix).ToString();
        _logger = logger ?? NullLogger.Instance;
        Metrics = new StoreMetrics("s3", Location);
        _executor = new StoreRequestExecutor(Location, profile.Endpoint, Metrics, profile.Resilience, S3Failures.Classify, limits, _logger);
    }

    public string Bucket { get; }

    /// <summary>The key prefix inside the bucket, without leading or trailing <c>/</c>; empty for the whole bucket.</summary>
    public string Prefix { get; }

    public string ProfileName => _profile.Name;

    public string Location { get; }

    public bool IsWritable { get; }

    public bool CanList => true;

    public StoreMetrics Metrics { get; }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        await ReadAsync(key, null, cancellationToken).ConfigureAwait(false);

    public async ValueTask<byte[]?> GetRangeAsync(string key, ByteRange range, CancellationToken cancellationToken = default)
    {
        if (range.Length == 0)
        {
            // A zero-length range has no HTTP form; answer like the other stores do.
            return await ExistsAsync(key, cancellationToken).ConfigureAwait(false) ? [] : null;
        }

        return await ReadAsync(key, range, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        var objectKey = ObjectKey(key);
        return await _executor.ExecuteAsync("HEAD", key, RetrySafety.Idempotent, async token =>
        {
            try
            {
                await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = objectKey }, token).ConfigureAwait(false);
                Interlocked.Exchange(ref _hasReadAnObject, 1);
                return true;
            }
            catch (AmazonS3Exception e) when (S3Failures.Classify(e) is null)
            {
                if (S3Failures.IsMissingKey(e))
                {
                    return false;
                }

                // A HEAD answer has no body, so a 403 does not say why; a one-byte GET does.
                if ((int)e.StatusCode == 403)
                {
                    return await ReadAttemptAsync(key, objectKey, S3ByteRangeOf(ByteRange.Bounded(0, 1)), token).ConfigureAwait(false) is not null;
                }

                throw Translate(e, key);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        var objectKey = ObjectKey(key);
        if (value.Length >= _profile.MultipartThreshold)
        {
            await new S3MultipartUpload(_client, _executor, Bucket, objectKey, key, _profile, _logger, Translate)
                .RunAsync(value, cancellationToken).ConfigureAwait(false);
            Metrics.RecordBytesWritten(value.Length);
            return;
        }

        // A PUT of a whole object is idempotent: repeating it after an ambiguous failure writes the same object.
        await _executor.ExecuteAsync("PUT", key, RetrySafety.Idempotent, async token =>
        {
            await PutAsync(objectKey, key, value, ifNoneMatch: null, token).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        Metrics.RecordBytesWritten(value.Length);
    }

    /// <summary>
    /// Creates the object only if the key is free (<c>If-None-Match: *</c>). Retried only when the failure proves the
    /// server did not act: after an ambiguous failure a repeat could see our own write and wrongly report a conflict.
    /// </summary>
    public async ValueTask<bool> SetIfAbsentAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        var objectKey = ObjectKey(key);
        var written = await _executor.ExecuteAsync("PUT-IF-ABSENT", key, RetrySafety.OnlyIfNotProcessed, async token =>
        {
            try
            {
                await PutAsync(objectKey, key, value, ifNoneMatch: "*", token).ConfigureAwait(false);
                return true;
            }
            catch (AmazonS3Exception e) when ((int)e.StatusCode == 412)
            {
                return false;
            }
            catch (AmazonS3Exception e) when ((int)e.StatusCode == 501)
            {
                throw new NotSupportedException($"The S3 server of {Location} does not implement conditional writes (If-None-Match).", e);
            }
        }, cancellationToken).ConfigureAwait(false);
        if (written)
        {
            Metrics.RecordBytesWritten(value.Length);
        }

        return written;
    }

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        var objectKey = ObjectKey(key);
        await _executor.ExecuteAsync("DELETE", key, RetrySafety.Idempotent, async token =>
        {
            try
            {
                await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = objectKey }, token).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (S3Failures.Classify(e) is null && !S3Failures.IsMissingKey(e))
            {
                throw Translate(e, key);
            }
            catch (AmazonS3Exception e) when (S3Failures.IsMissingKey(e))
            {
                // already gone
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes many keys with DeleteObjects (1000 per request); missing keys are not errors.</summary>
    public async ValueTask DeleteManyAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        foreach (var batch in keys.Select(k => (Key: k, ObjectKey: ObjectKey(k))).Chunk(1000))
        {
            await _executor.ExecuteAsync("DELETE-MANY", null, RetrySafety.Idempotent, async token =>
            {
                var request = new DeleteObjectsRequest { BucketName = Bucket, Quiet = true, Objects = [.. batch.Select(k => new KeyVersion { Key = k.ObjectKey })] };
                DeleteObjectsResponse response;
                try
                {
                    response = await _client.DeleteObjectsAsync(request, token).ConfigureAwait(false);
                }
                catch (AmazonS3Exception e) when (S3Failures.Classify(e) is null)
                {
                    throw Translate(e, null);
                }

                var errors = (response.DeleteErrors ?? []).Where(error => error.Code is not "NoSuchKey").ToList();
                if (errors.Count > 0)
                {
                    var first = errors[0];
                    throw new StoreException(Location, first.Key, $"S3 could not delete {errors.Count} of {batch.Length} keys in {Location}; first: '{first.Key}': {first.Code} {first.Message}");
                }

                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A time-limited URL that lets anyone holding it GET <paramref name="key"/> without credentials (for handing out
    /// job results). It is signed locally; nothing is sent to the server. Anonymous profiles cannot sign.
    /// </summary>
    public async ValueTask<Uri> GetDownloadUrlAsync(string key, TimeSpan validFor)
    {
        if (_profile.EffectiveCredentials == S3CredentialSource.Anonymous)
        {
            throw new InvalidOperationException($"S3 profile '{_profile.Name}' has no credentials, so it cannot sign download URLs.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validFor, TimeSpan.Zero);
        // SigV4 presigned URLs are valid for at most 7 days.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(validFor, TimeSpan.FromDays(7));
        var url = await _client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = ObjectKey(key),
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow + validFor,
            Protocol = _profile.Endpoint.Scheme == "http" ? Protocol.HTTP : Protocol.HTTPS,
        }).ConfigureAwait(false);
        return new Uri(url);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var relative = prefix.Trim('/');
        if (relative.Length > 0)
        {
            StoreKey.Validate(relative);
        }

        var listPrefix = StoreKey.Join(Prefix, relative);
        listPrefix = listPrefix.Length == 0 ? "" : listPrefix + "/";
        var strip = Prefix.Length == 0 ? 0 : Prefix.Length + 1;
        string? continuation = null;
        do
        {
            var request = new ListObjectsV2Request
            {
                BucketName = Bucket,
                Prefix = listPrefix,
                MaxKeys = _profile.ListPageSize,
                ContinuationToken = continuation,
            };
            var page = await _executor.ExecuteAsync("LIST", relative.Length == 0 ? null : relative + "/", RetrySafety.Idempotent, async token =>
            {
                try
                {
                    return await _client.ListObjectsV2Async(request, token).ConfigureAwait(false);
                }
                catch (AmazonS3Exception e) when (S3Failures.Classify(e) is null)
                {
                    throw Translate(e, null);
                }
            }, cancellationToken).ConfigureAwait(false);

            foreach (var entry in page.S3Objects ?? [])
            {
                // Keys that end in '/' are folder markers written by consoles, not values.
                if (!entry.Key.EndsWith('/'))
                {
                    yield return entry.Key[strip..];
                }
            }

            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    private async ValueTask<byte[]?> ReadAsync(string key, ByteRange? range, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        var s3Range = range is { } r ? S3ByteRangeOf(r) : null;
        var bytes = await _executor.ExecuteAsync(range is null ? "GET" : "GET-RANGE", key, RetrySafety.Idempotent,
            token => ReadAttemptAsync(key, objectKey, s3Range, token), cancellationToken).ConfigureAwait(false);
        if (bytes is not null)
        {
            Metrics.RecordBytesRead(bytes.Length);
        }

        return bytes;
    }

    private async ValueTask<byte[]?> ReadAttemptAsync(string key, string objectKey, S3ByteRange? range, CancellationToken token)
    {
        try
        {
            using var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = objectKey, ByteRange = range }, token).ConfigureAwait(false);
            var length = response.ContentLength;
            var buffer = new byte[length];
            // A body cut short ends in an EndOfStreamException, which the executor retries.
            await response.ResponseStream.ReadExactlyAsync(buffer, token).ConfigureAwait(false);
            Interlocked.Exchange(ref _hasReadAnObject, 1);
            return buffer;
        }
        catch (AmazonS3Exception e) when (S3Failures.Classify(e) is null)
        {
            if (S3Failures.IsMissingKey(e))
            {
                return null;
            }

            if ((int)e.StatusCode == (int)HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                // The range starts at or past the end (or the object is empty): the object exists, the range is empty.
                return [];
            }

            if (S3Failures.IsAccessDeniedForKey(e) && AccessDeniedMeansMissing(key))
            {
                return null;
            }

            throw Translate(e, key);
        }
    }

    private bool AccessDeniedMeansMissing(string key)
    {
        var readBefore = Volatile.Read(ref _hasReadAnObject) == 1;
        if (!_profile.MissingKeysAnswerForbidden && !readBefore)
        {
            return false;
        }

        _logger.LogInformation(
            "S3 answered 403 AccessDenied for key {Key} in {Location}; treating the key as missing, because S3 answers 403 instead of 404 for a missing key when the credentials may not list the bucket ({Why})",
            key,
            Location,
            readBefore ? "the same credentials have read other objects of this store" : "profile setting MissingKeysAnswerForbidden");
        return true;
    }

    private async Task PutAsync(string objectKey, string key, ReadOnlyMemory<byte> value, string? ifNoneMatch, CancellationToken token)
    {
        // A fresh stream per attempt: the SDK reads (and hashes) the body on every send.
        using var body = StreamOver(value);
        var request = new PutObjectRequest
        {
            BucketName = Bucket,
            Key = objectKey,
            InputStream = body,
            AutoCloseStream = false,
            UseChunkEncoding = false,
        };
        if (ifNoneMatch is not null)
        {
            request.IfNoneMatch = ifNoneMatch;
        }

        try
        {
            await _client.PutObjectAsync(request, token).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (S3Failures.Classify(e) is null && (int)e.StatusCode is not (412 or 501))
        {
            throw Translate(e, key);
        }
    }

    internal static MemoryStream StreamOver(ReadOnlyMemory<byte> value) =>
        MemoryMarshal.TryGetArray(value, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(value.ToArray(), writable: false);

    private static S3ByteRange S3ByteRangeOf(ByteRange range) => range.IsSuffix
        ? new S3ByteRange(range.ToHttpRange())
        : range.Length is null
            ? new S3ByteRange(range.ToHttpRange())
            : new S3ByteRange(range.Offset!.Value, range.Offset.Value + range.Length.Value - 1);

    private StoreException Translate(AmazonS3Exception e, string? key) => S3Failures.Translate(e, Location, Bucket, key, _profile);

    private string ObjectKey(string key) => StoreKey.Join(Prefix, StoreKey.Validate(key));

    private void EnsureWritable()
    {
        if (!IsWritable)
        {
            throw new InvalidOperationException($"Store {Location} is read-only.");
        }
    }
}
