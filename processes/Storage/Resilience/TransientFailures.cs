using System.Net.Http;
using System.Net.Sockets;

namespace OpenEoBridge.Storage.Resilience;

/// <summary>Recognises the transport failures that are worth a retry whatever the store kind.</summary>
internal static class TransientFailures
{
    public static TransientFailure? ClassifyTransport(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AttemptTimeoutException timeout:
                    return new TransientFailure(null, null, NotProcessed: false, timeout.Message);
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } http
                    when http.StatusCode is null:
                    // The connection was never established, so nothing reached the server.
                    return new TransientFailure(null, null, NotProcessed: true, $"connection failed: {http.Message}");
                case HttpRequestException { StatusCode: null } http:
                    return new TransientFailure(null, null, NotProcessed: false, $"connection broken: {http.Message}");
                case SocketException socket:
                    return new TransientFailure(null, null, NotProcessed: socket.SocketErrorCode == SocketError.ConnectionRefused, $"socket error: {socket.SocketErrorCode}");
                case IOException io:
                    return new TransientFailure(null, null, NotProcessed: false, $"transfer broken: {io.Message}");
                case TimeoutException timeout:
                    return new TransientFailure(null, null, NotProcessed: false, $"timed out: {timeout.Message}");
            }
        }

        return null;
    }
}
