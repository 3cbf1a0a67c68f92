using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Tests.Evaluation;

public sealed class EvaluatorTests
{
    [Fact]
    public async Task Every_end_node_runs_and_each_node_runs_once()
    {
        var (evaluator, probe, _) = TestProcesses.Create();

        var result = await evaluator.RunAsync("""
            {"process_graph":{
              "a":{"process_id":"probe","arguments":{"x":2}},
              "b":{"process_id":"add","arguments":{"x":{"from_node":"a"},"y":{"from_node":"a"}},"result":true},
              "side":{"process_id":"probe","arguments":{"x":{"from_node":"a"}}},
              "lonely":{"process_id":"probe","arguments":{}}}}
            """);

        Assert.Equal(4, Assert.IsType<NumberValue>(result).Value);
        Assert.Equal(1, probe.Calls["a"]);
        Assert.Equal(1, probe.Calls["side"]);
        Assert.Equal(1, probe.Calls["lonely"]);
    }

    [Fact]
    public async Task If_is_lazy_and_and_or_short_circuit()
    {
        var (evaluator, probe, _) = TestProcesses.Create();

        var chosen = await evaluator.RunAsync("""
            {"process_graph":{
              "bad":{"process_id":"boom","arguments":{}},
              "good":{"process_id":"probe","arguments":{"x":"ok"}},
              "if":{"process_id":"if","arguments":{"value":false,"accept":{"from_node":"bad"},"reject":{"from_node":"good"}},"result":true}}}
            """);
        var and = await evaluator.RunAsync("""
            {"process_graph":{"bad":{"process_id":"boom","arguments":{}},"and":{"process_id":"and","arguments":{"x":false,"y":{"from_node":"bad"}},"result":true}}}
            """);
        var or = await evaluator.RunAsync("""
            {"process_graph":{"bad":{"process_id":"boom","arguments":{}},"or":{"process_id":"or","arguments":{"x":true,"y":{"from_node":"bad"}},"result":true}}}
            """);
        var undecided = await Assert.ThrowsAsync<ProcessException>(() => evaluator.RunAsync("""
            {"process_graph":{"bad":{"process_id":"boom","arguments":{}},"and":{"process_id":"and","arguments":{"x":true,"y":{"from_node":"bad"}},"result":true}}}
            """));

        Assert.Equal("ok", Assert.IsType<StringValue>(chosen).Value);
        Assert.Equal(1, probe.Calls["good"]);
        Assert.False(Assert.IsType<BooleanValue>(and).Value);
        Assert.True(Assert.IsType<BooleanValue>(or).Value);
        Assert.Equal("Boom", undecided.Code);
    }

    [Fact]
    public async Task Process_exceptions_carry_the_declared_name_message_status_and_node_path()
    {
        var (evaluator, _, _) = TestProcesses.Create();

        var error = await Assert.ThrowsAsync<ProcessException>(() => evaluator.RunAsync("""
            {"process_graph":{"apply":{"process_id":"array_apply","arguments":{"data":[1],"process":{"process_graph":{
               "inner":{"process_id":"boom","arguments":{},"result":true}}}},"result":true}}}
            """));

        Assert.Equal("Boom", error.Code);
        Assert.Equal("It went bang.", error.Message);
        Assert.Equal(418, error.HttpStatus);
        Assert.Equal(["inner", "apply"], error.Path.Select(p => p.NodeId));
        Assert.Equal("process", error.Path[1].Parameter);
    }

    [Fact]
    public async Task Cancellation_stops_the_run_and_a_deadline_gives_RequestTimeout()
    {
        var (evaluator, _, _) = TestProcesses.Create();
        const string waiting = """{"process_graph":{"w":{"process_id":"wait","arguments":{},"result":true}}}""";

        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => evaluator.RunAsync(waiting, new ProcessingContext(cancelled.Token)));

        var timeout = await Assert.ThrowsAsync<OpenEoException>(() => evaluator.RunAsync(waiting, new ProcessingContext { Deadline = DateTimeOffset.UtcNow.AddMilliseconds(50) }));
        Assert.Equal("RequestTimeout", timeout.Code);
        Assert.Equal(408, timeout.HttpStatus);
    }

    [Fact]
    public async Task From_parameter_resolves_outwards_then_defaults_else_fails_with_one_code()
    {
        var (evaluator, _, _) = TestProcesses.Create();

        // The inner callback reads 'offset' from the top-level scope (two scopes out) and 'factor' from the document's defaults.
        var document = ProcessGraphReader.ParseDocument("""
            {"parameters":[{"name":"factor","default":10,"optional":true}],
             "process_graph":{"outer":{"process_id":"array_apply","arguments":{"data":[1,2],"process":{"process_graph":{
               "inner":{"process_id":"array_apply","arguments":{"data":[{"from_parameter":"x"}],"process":{"process_graph":{
                  "sum":{"process_id":"sum","arguments":{"data":[{"from_parameter":"x"},{"from_parameter":"offset"},{"from_parameter":"factor"}]},"result":true}}}},"result":true}}}},
               "result":true}}}
            """);
        var result = (await evaluator.EvaluateAsync(document, new ProcessingContext(), new Dictionary<string, Value> { ["offset"] = Value.Number(100) })).Result;
        var missing = await Assert.ThrowsAsync<OpenEoException>(() => evaluator.RunAsync("""
            {"process_graph":{"a":{"process_id":"absolute","arguments":{"x":{"from_parameter":"nowhere"}},"result":true}}}
            """));

        var outer = Assert.IsType<ArrayValue>(result);
        Assert.Equal([111.0, 112.0], outer.Items.Select(i => ((NumberValue)((ArrayValue)i)[0]).Value));
        Assert.Equal("ProcessParameterRequired", missing.Code);
        Assert.Contains("nowhere", missing.Message);
    }

    [Fact]
    public async Task User_defined_processes_resolve_by_namespace_and_shadow_predefined_ones()
    {
        var (evaluator, _, users) = TestProcesses.Create();
        users.Put("alice", "absolute", ProcessGraphReader.ParseDocument("""
            {"id":"absolute","parameters":[{"name":"x","schema":{}}],"process_graph":{"m":{"process_id":"multiply","arguments":{"x":{"from_parameter":"x"},"y":2},"result":true}}}
            """));
        static string Graph(string ns) => """{"process_graph":{"a":{"process_id":"absolute","namespace":""" + ns + ""","arguments":{"x":-3},"result":true}}}""";
        var alice = new ProcessingContext { UserId = "alice" };

        Assert.Equal(-6, ((NumberValue)await evaluator.RunAsync(Graph("null"), alice)).Value);
        Assert.Equal(-6, ((NumberValue)await evaluator.RunAsync(Graph("\"user\""), alice)).Value);
        Assert.Equal(3, ((NumberValue)await evaluator.RunAsync(Graph("\"backend\""), alice)).Value);
        Assert.Equal(3, ((NumberValue)await evaluator.RunAsync(Graph("null"), new ProcessingContext { UserId = "bob" })).Value);
        Assert.Equal("ProcessUnsupported", (await Assert.ThrowsAsync<OpenEoException>(() => evaluator.RunAsync(Graph("\"user\""), new ProcessingContext { UserId = "bob" }))).Code);
        var remote = await Assert.ThrowsAsync<OpenEoException>(() => evaluator.RunAsync(Graph("\"https://example.org/processes/absolute.json\""), alice));
        Assert.Equal("ProcessUnsupported", remote.Code);
        Assert.Contains("URL", remote.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Recursion_through_user_defined_processes_is_limited()
    {
        var (evaluator, _, users) = TestProcesses.Create(new ComplexityLimits { MaxUserProcessDepth = 5 });
        users.Put("alice", "loop", ProcessGraphReader.ParseDocument("""
            {"id":"loop","process_graph":{"l":{"process_id":"loop","arguments":{},"result":true}}}
            """));

        var error = await Assert.ThrowsAsync<OpenEoException>(() => evaluator.RunAsync(
            """{"process_graph":{"a":{"process_id":"loop","arguments":{},"result":true}}}""", new ProcessingContext { UserId = "alice" }));

        Assert.Equal("ProcessGraphComplexity", error.Code);
    }

    [Fact]
    public async Task Progress_and_logs_carry_node_paths()
    {
        var (evaluator, _, _) = TestProcesses.Create();
        var reports = new List<NodeProgress>();
        var context = new ProcessingContext { Progress = new SynchronousProgress(reports) };

        await evaluator.RunAsync("""
            {"process_graph":{"p":{"process_id":"probe","arguments":{"x":1}},"q":{"process_id":"probe","arguments":{"x":{"from_node":"p"}},"result":true}}}
            """, context);

        Assert.Equal([1, 2], reports.Select(r => r.CompletedNodes));
        Assert.All(reports, r => Assert.Equal(2, r.TotalNodes));
        Assert.Equal(["p", "q"], context.Log.Entries.Where(e => e.Message == "probe ran").Select(e => e.Path[0].NodeId));
    }

    [Fact]
    public async Task Structural_problems_stop_a_run_before_any_process_runs()
    {
        var (evaluator, probe, _) = TestProcesses.Create();

        var cycle = await Assert.ThrowsAsync<OpenEoException>(() => evaluator.RunAsync("""
            {"process_graph":{"s":{"process_id":"probe","arguments":{}},"a":{"process_id":"probe","arguments":{"x":{"from_node":"b"}}},"b":{"process_id":"probe","arguments":{"x":{"from_node":"a"}},"result":true}}}
            """));

        Assert.Equal("ProcessGraphInvalid", cycle.Code);
        Assert.Empty(probe.Calls);
    }

    private sealed class SynchronousProgress(List<NodeProgress> reports) : IProgress<NodeProgress>
    {
        public void Report(NodeProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
