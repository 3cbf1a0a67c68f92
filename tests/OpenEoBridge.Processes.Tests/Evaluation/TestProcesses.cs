using System.Collections.Concurrent;
using System.Text.Json;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Evaluation;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Library;
using OpenEoBridge.Processes.Resolution;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Tests.Evaluation;

/// <summary>Processes with observable behaviour (call counts, failures, waiting) for evaluator tests.</summary>
internal static class TestProcesses
{
    public static ProcessDefinition Definition(string json) => ProcessDefinition.FromJson(JsonDocument.Parse(json).RootElement);

    /// <summary>Returns <c>x</c> and counts calls per node id.</summary>
    public sealed class Probe() : Process(Definition("""{"id":"probe","parameters":[{"name":"x","optional":true,"default":null,"schema":{}}],"returns":{"schema":{}}}"""))
    {
        public ConcurrentDictionary<string, int> Calls { get; } = new();

        public override ValueTask<Value> InvokeAsync(ProcessCall call)
        {
            Calls.AddOrUpdate(call.Path[0].NodeId, 1, (_, n) => n + 1);
            call.Context.Log.Write(ProcessLogLevel.Info, "probe ran", call.Path);
            return ValueTask.FromResult(call.Get("x"));
        }
    }

    /// <summary>Always fails with its declared exception (HTTP 418 in its definition).</summary>
    public sealed class Boom() : Process(Definition("""{"id":"boom","parameters":[],"returns":{"schema":{}},"exceptions":{"Boom":{"message":"It went {what}.","http":418}}}"""))
    {
        public override ValueTask<Value> InvokeAsync(ProcessCall call) => throw Fail("Boom", new Dictionary<string, string> { ["what"] = "bang" });
    }

    /// <summary>Waits until cancelled.</summary>
    public sealed class Wait() : Process(Definition("""{"id":"wait","parameters":[],"returns":{"schema":{}}}"""))
    {
        public override async ValueTask<Value> InvokeAsync(ProcessCall call)
        {
            await Task.Delay(Timeout.Infinite, call.CancellationToken);
            return Value.NoData;
        }
    }

    public static (Evaluator Evaluator, Probe Probe, InMemoryUserProcesses Users) Create(ComplexityLimits? limits = null)
    {
        var probe = new Probe();
        var catalogue = new ProcessCatalogue(ProcessCatalogue.Predefined.All.Concat([probe, new Boom(), new Wait()]));
        var users = new InMemoryUserProcesses();
        return (new Evaluator(new ProcessResolver(catalogue, users), limits), probe, users);
    }

    public static async Task<Value> RunAsync(this Evaluator evaluator, string json, ProcessingContext? context = null) =>
        (await evaluator.EvaluateAsync(ProcessGraphReader.ParseDocument(json), context ?? new ProcessingContext())).Result;
}
