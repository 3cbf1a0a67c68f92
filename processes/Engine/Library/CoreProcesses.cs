using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Library.Arrays;
using OpenEoBridge.Processes.Library.Comparison;
using OpenEoBridge.Processes.Library.Logic;
using OpenEoBridge.Processes.Library.Mathematics;
using OpenEoBridge.Processes.Library.Reducers;

namespace OpenEoBridge.Processes.Library;

/// <summary>The processes the engine itself implements to prove the contract (owned by the engine; the library adds its own elsewhere).</summary>
internal static class CoreProcesses
{
    public static void AddTo(ICollection<Process> processes)
    {
        Process[] core =
        [
            new Add(), new Subtract(), new Multiply(), new Divide(), new Absolute(),
            new Equal(), new NotEqual(), new GreaterThan(), new GreaterThanOrEqual(), new LessThan(), new LessThanOrEqual(),
            new And(), new Or(), new Xor(), new Not(), new If(), new Any(), new All(),
            new Sum(), new Mean(), new Min(), new Max(), new Count(),
            new ArrayElement(), new ArrayApply(),
        ];
        foreach (var process in core)
        {
            processes.Add(process);
        }
    }
}
