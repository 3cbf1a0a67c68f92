using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenEoBridge.Backend.Auth.Basic;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Library;
using OpenEoBridge.Processes.Values;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Backend.Tests.Processing;

/// <summary>
/// The back-end with one basic-auth user, configurable sync limits and, besides the predefined processes, a
/// <c>wait</c> process that blocks until cancelled (to observe timeouts, busy answers and client disconnects).
/// </summary>
public sealed class ProcessingAppFactory : WebApplicationFactory<Program>
{
    public const string User = "alice";
    public const string Password = "wonderland-secret";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("oeb-processing-tests").FullName;
    private readonly Dictionary<string, string?> _settings;

    static ProcessingAppFactory()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_OPENEOBRIDGE_BACKEND", Path.Combine(SharedPaths.RepositoryRoot, "backend"));
    }

    public ProcessingAppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    private ProcessingAppFactory(IDictionary<string, string?> settings)
    {
        _settings = new Dictionary<string, string?>(settings)
        {
            ["OpenEo:DataDirectory"] = _dataDirectory,
            [$"OpenEo:Users:{User}"] = new PasswordHashing().Hash(Password),
        };
        // These tests need no collections; generating the demo ones costs seconds per data directory.
        _settings.TryAdd("OpenEo:Catalog:Demo", "false");
    }

    /// <summary>A factory with extra configuration (xunit fixtures may have only one public constructor).</summary>
    public static ProcessingAppFactory With(IDictionary<string, string?> settings) => new(settings);

    public WaitProcess Wait { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Path.Combine(SharedPaths.RepositoryRoot, "backend"));
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
            services.AddSingleton(new ProcessCatalogue(ProcessCatalogue.Predefined.All.Append(Wait))));
    }

    /// <summary>A client with a valid Bearer token for <see cref="User"/>.</summary>
    public async Task<HttpClient> CreateAuthenticatedClientAsync()
    {
        var client = CreateClient();
        using var login = new HttpRequestMessage(HttpMethod.Get, "/openeo/1.2/credentials/basic");
        login.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        using var response = await client.SendAsync(login);
        response.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "basic//" + token.RootElement.GetProperty("access_token").GetString());
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>Blocks until its run is cancelled; counts starts and cancellations.</summary>
    public sealed class WaitProcess() : Process(ProcessDefinition.FromJson(JsonDocument.Parse("""{"id":"wait","parameters":[],"returns":{"schema":{}}}""").RootElement))
    {
        private int _started;
        private int _cancelled;

        public int Started => Volatile.Read(ref _started);

        public int Cancelled => Volatile.Read(ref _cancelled);

        public TaskCompletionSource FirstStart { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<Value> InvokeAsync(ProcessCall call)
        {
            Interlocked.Increment(ref _started);
            FirstStart.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, call.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }

            return Value.NoData;
        }
    }
}
