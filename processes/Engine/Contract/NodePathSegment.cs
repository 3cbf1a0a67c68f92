namespace OpenEoBridge.Processes.Contract;

/// <summary>One step of a node path (<c>node_id</c>, <c>process_id</c>, <c>namespace</c>, <c>parameter</c>) as used in logs and errors.</summary>
public sealed record NodePathSegment(string NodeId, string? ProcessId = null, string? Namespace = null, string? Parameter = null);
