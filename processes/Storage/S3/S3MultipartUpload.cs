using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using OpenEoBridge.Storage.Errors;
using OpenEoBridge.Storage.Resilience;

namespace OpenEoBridge.Storage.S3;

/// <summary>
/// One multipart upload of an in-memory value: start, parts in parallel (each retried on its own: re-sending a part
/// number replaces it), complete, or abort on failure so no orphaned parts stay billed.
/// </summary>
internal sealed class S3MultipartUpload(
    IAmazonS3 client,
    StoreRequestExecutor executor,
    string bucket,
    string objectKey,
    string key,
    S3ProfileOptions profile,
    ILogger logger,
    Func<AmazonS3Exception, string?, StoreException> translate)
{
    public async Task RunAsync(ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        // Starting twice leaves at most an empty, unreferenced upload behind, never a second object.
        var uploadId = await executor.ExecuteAsync("MULTIPART-START", key, RetrySafety.Idempotent, async token =>
        {
            try
            {
                var started = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = objectKey }, token).ConfigureAwait(false);
                return started.UploadId;
            }
            catch (AmazonS3Exception e) when (S3Failures.Classify(e) is null)
            {
                throw translate(e, key);
            }
        }, cancellationToken).ConfigureAwait(false);

        try
        {
            var parts = await UploadPartsAsync(uploadId, value, cancellationToken).ConfigureAwait(false);
            await CompleteAsync(uploadId, parts, value.Length, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await AbortAsync(uploadId).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<PartETag[]> UploadPartsAsync(string uploadId, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        var partSize = profile.MultipartPartSize;
        var count = (int)((value.Length + partSize - 1) / partSize);
        var etags = new PartETag[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(1, count),
            new ParallelOptions { MaxDegreeOfParallelism = profile.MaxParallelParts, CancellationToken = cancellationToken },
            async (partNumber, token) =>
            {
                var start = (long)(partNumber - 1) * partSize;
                var slice = value.Slice((int)start, (int)Math.Min(partSize, value.Length - start));
                etags[partNumber - 1] = await executor.ExecuteAsync("MULTIPART-PART", key, RetrySafety.Idempotent, async attemptToken =>
                {
                    using var body = S3Store.StreamOver(slice);
                    try
                    {
                        var response = await client.UploadPartAsync(new UploadPartRequest
                        {
                            BucketName = bucket,
                            Key = objectKey,
                            UploadId = uploadId,
                            PartNumber = partNumber,
                            PartSize = slice.Length,
                            InputStream = body,
                            UseChunkEncoding = false,
                        }, attemptToken).ConfigureAwait(false);
                        return new PartETag(partNumber, response.ETag);
                    }
                    catch (AmazonS3Exception e) when (S3Failures.Classify(e) is null)
                    {
                        throw translate(e, key);
                    }
                }, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return etags;
    }

    private async Task CompleteAsync(string uploadId, PartETag[] parts, long size, CancellationToken cancellationToken)
    {
        var attempts = 0;
        await executor.ExecuteAsync("MULTIPART-COMPLETE", key, RetrySafety.Idempotent, async token =>
        {
            attempts++;
            try
            {
                await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
                {
                    BucketName = bucket,
                    Key = objectKey,
                    UploadId = uploadId,
                    PartETags = [.. parts],
                }, token).ConfigureAwait(false);
                return true;
            }
            catch (AmazonS3Exception e) when (attempts > 1 && e.ErrorCode == "NoSuchUpload")
            {
                // An earlier attempt completed the upload but its answer was lost: the upload id is gone because
                // it became the object. Confirm that instead of failing (or, worse, uploading a second time).
                if (await CompletedObjectExistsAsync(parts.Length, size, token).ConfigureAwait(false))
                {
                    logger.LogDebug("Multipart upload of {Key} was completed by an earlier attempt whose answer was lost", key);
                    return true;
                }

                throw translate(e, key);
            }
            catch (AmazonS3Exception e) when (S3Failures.Classify(e) is null)
            {
                throw translate(e, key);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> CompletedObjectExistsAsync(int partCount, long size, CancellationToken token)
    {
        try
        {
            var head = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = objectKey }, token).ConfigureAwait(false);
            return head.ContentLength == size && head.ETag is { } etag && etag.Trim('"').EndsWith($"-{partCount}", StringComparison.Ordinal);
        }
        catch (AmazonS3Exception e) when ((int)e.StatusCode == 404)
        {
            return false;
        }
    }

    private async Task AbortAsync(string uploadId)
    {
        // Also after caller cancellation: the parts would otherwise stay stored (and billed) until a lifecycle rule.
        using var timeout = new CancellationTokenSource(profile.Resilience.AttemptTimeout);
        try
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = objectKey, UploadId = uploadId }, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonServiceException or OperationCanceledException or HttpRequestException or IOException)
        {
            logger.LogWarning(e, "Could not abort multipart upload {UploadId} of {Key} in bucket {Bucket}; its parts stay until the bucket's lifecycle rules remove them", uploadId, key, bucket);
        }
    }
}
