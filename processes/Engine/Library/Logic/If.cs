using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary><c>if</c>: lazy, so only the chosen branch is computed. No-data or false chooses <c>reject</c>.</summary>
public sealed class If() : Process("if")
{
    public override ArgumentEvaluation ArgumentEvaluation => ArgumentEvaluation.Lazy;

    public override async ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var value = ThreeValuedLogic.Read(call, "value", await call.GetAsync("value").ConfigureAwait(false));
        return await call.GetAsync(value == true ? "accept" : "reject").ConfigureAwait(false);
    }
}
