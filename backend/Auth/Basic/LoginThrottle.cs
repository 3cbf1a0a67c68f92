using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;

namespace OpenEoBridge.Backend.Auth.Basic;

/// <summary>
/// Counts failed logins per user and client address in a sliding window; once the limit is reached, further
/// attempts are refused without checking the password until the oldest failure leaves the window.
/// </summary>
public sealed class LoginThrottle(IOptionsMonitor<OpenEoOptions> options, TimeProvider time)
{
    private const int MaxTrackedKeys = 100_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait, or null if an attempt is allowed now.</summary>
    public TimeSpan? RetryAfter(string user, string client)
    {
        var settings = options.CurrentValue.BasicAuth;
        if (!failures.TryGetValue(Key(user, client), out var queue))
        {
            return null;
        }

        lock (queue)
        {
            var now = time.GetUtcNow();
            Expire(queue, now - settings.FailureWindow);
            return queue.Count >= settings.MaxFailedAttempts ? queue.Peek() + settings.FailureWindow - now : null;
        }
    }

    public void RecordFailure(string user, string client)
    {
        if (failures.Count >= MaxTrackedKeys)
        {
            Prune();
        }

        var queue = failures.GetOrAdd(Key(user, client), _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            queue.Enqueue(time.GetUtcNow());
        }
    }

    public void RecordSuccess(string user, string client) => failures.TryRemove(Key(user, client), out _);

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - options.CurrentValue.BasicAuth.FailureWindow;
        foreach (var (key, queue) in failures)
        {
            lock (queue)
            {
                Expire(queue, cutoff);
                if (queue.Count == 0)
                {
                    failures.TryRemove(key, out _);
                }
            }
        }
    }

    private static void Expire(Queue<DateTimeOffset> queue, DateTimeOffset cutoff)
    {
        while (queue.Count > 0 && queue.Peek() <= cutoff)
        {
            queue.Dequeue();
        }
    }

    private static string Key(string user, string client) => $"{client}\n{user}";
}
