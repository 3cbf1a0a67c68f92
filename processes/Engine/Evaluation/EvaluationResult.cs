using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Evaluation;

/// <summary>The value of the top-level result node and every output collected during the run.</summary>
public sealed record EvaluationResult(Value Result, IReadOnlyList<ProcessOutput> Outputs);
