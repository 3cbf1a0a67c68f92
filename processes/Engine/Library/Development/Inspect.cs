using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Development;

/// <summary><c>inspect</c>: logs the data (with the node path) at the requested level and passes it on unchanged.</summary>
public sealed class Inspect() : Process("inspect")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.Get("data");
        var level = call.GetString("level") switch
        {
            "debug" => ProcessLogLevel.Debug,
            "info" => ProcessLogLevel.Info,
            "warning" => ProcessLogLevel.Warning,
            "error" => ProcessLogLevel.Error,
            _ => throw call.Invalid("level", "debug, info, warning or error"),
        };
        var code = call.GetString("code");
        call.Context.Log.Write(level, call.GetString("message"), call.Path, code.Length == 0 ? null : code, data);
        return ValueTask.FromResult(data);
    }
}
