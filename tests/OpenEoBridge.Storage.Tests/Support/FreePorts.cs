using System.Net;
using System.Net.Sockets;

namespace OpenEoBridge.Storage.Tests.Support;

/// <summary>Finds loopback ports that are free right now.</summary>
internal static class FreePorts
{
    /// <summary>A run of <paramref name="count"/> consecutive free ports (servers that use "port + n" need that).</summary>
    public static int FindConsecutive(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var start = Random.Shared.Next(20000, 60000);
            if (Enumerable.Range(start, count).All(IsFree))
            {
                return start;
            }
        }

        throw new InvalidOperationException($"No run of {count} free loopback ports found.");
    }

    public static int FindOne()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
