using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;
using Amazon.S3.Model;

namespace OpenEoBridge.Storage.S3;

/// <summary>
/// An S3 client whose requests every S3 implementation we know accepts: uploads are sent as plain signed bodies
/// (never <c>aws-chunked</c>, which Swift answers with 501 and some emulators store verbatim), and DeleteObjects
/// carries a <c>Content-MD5</c> header (the SDK v4 sends only CRC32, which Swift and older servers refuse).
/// Both match what earlier SDK versions sent to AWS itself.
/// </summary>
internal sealed class S3CompatibleClient : AmazonS3Client
{
    public S3CompatibleClient(AWSCredentials credentials, AmazonS3Config config)
        : base(credentials, config)
    {
    }

    public S3CompatibleClient(AmazonS3Config config)
        : base(config)
    {
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.AddHandlerBefore<Marshaller>(new PlainBodyHandler());
        pipeline.AddHandlerBefore<Signer>(new ContentMd5Handler());
    }

    /// <summary>Runs before marshalling, so the body is signed whole (the stream must be seekable).</summary>
    private sealed class PlainBodyHandler : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            Apply(executionContext);
            base.InvokeSync(executionContext);
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            Apply(executionContext);
            return base.InvokeAsync<T>(executionContext);
        }

        private static void Apply(IExecutionContext context)
        {
            switch (context.RequestContext.OriginalRequest)
            {
                case PutObjectRequest put:
                    put.UseChunkEncoding = false;
                    break;
                case UploadPartRequest part:
                    part.UseChunkEncoding = false;
                    break;
            }
        }
    }

    /// <summary>Runs just before signing, when the DeleteObjects body is final.</summary>
    private sealed class ContentMd5Handler : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            Apply(executionContext);
            base.InvokeSync(executionContext);
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            Apply(executionContext);
            return base.InvokeAsync<T>(executionContext);
        }

        private static void Apply(IExecutionContext context)
        {
            if (context.RequestContext.OriginalRequest is not DeleteObjectsRequest)
            {
                return;
            }

            var request = context.RequestContext.Request;
            byte[] md5;
            if (request.Content is { } body)
            {
                md5 = MD5.HashData(body);
            }
            else if (request.ContentStream is { CanSeek: true } stream)
            {
                var position = stream.Position;
                md5 = MD5.HashData(stream);
                stream.Position = position;
            }
            else
            {
                return;
            }

            request.Headers["Content-MD5"] = Convert.ToBase64String(md5);
        }
    }
}
